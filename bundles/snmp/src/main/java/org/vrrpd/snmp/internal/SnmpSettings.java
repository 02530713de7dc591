package org.vrrpd.snmp.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * The SNMP bundle's configuration, checked. Free of OSGi and logging so that the offline config
 * check can run it.
 *
 * @param master where snmpd's AgentX master listens
 */
record SnmpSettings(SocketAddress master, String socketText, int reconnectSeconds, boolean traps) {
    static final String PID = "org.vrrpd.snmp";
    /** net-snmp's default AgentX socket, which keepalived uses too. */
    static final String DEFAULT_SOCKET = "/var/agentx/master";

    /** @throws IllegalArgumentException {@code KEY = VALUE rejected: WHY} */
    static SnmpSettings of(SnmpConfig config) {
        String socket = config.socket() == null || config.socket().isBlank() ? DEFAULT_SOCKET : config.socket().trim();
        if (config.reconnectInterval() < 1 || config.reconnectInterval() > 3600) {
            throw new IllegalArgumentException("reconnectInterval = " + config.reconnectInterval() + " rejected: must be 1..3600 seconds");
        }
        return new SnmpSettings(address(socket), socket, config.reconnectInterval(), config.traps());
    }

    private static SocketAddress address(String socket) {
        if (socket.startsWith("tcp:")) {
            String hostPort = socket.substring(4);
            int colon = hostPort.lastIndexOf(':');
            int port = -1;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                // refused below
            }
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("socket = " + socket + " rejected: tcp:HOST:PORT with a port 1..65535");
            }
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon).replaceAll("^\\[|\\]$", ""), port);
        }
        String path = socket.startsWith("unix:") ? socket.substring(5) : socket;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("socket = " + socket + " rejected: an absolute path, unix:PATH or tcp:HOST:PORT");
        }
        return UnixDomainSocketAddress.of(Path.of(path));
    }
}
