package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * global_defs SNMP keywords as {@code org.vrrpd.snmp.cfg}: {@code enable_snmp_rfc}, {@code _rfcv2} or
 * {@code _rfcv3} turn the AgentX subagent on (it always serves both RFC MIBs), {@code snmp_socket}
 * names snmpd's AgentX socket, {@code enable_traps} the new-master traps. keepalived's own
 * KEEPALIVED-MIB ({@code enable_snmp_vrrp}, {@code _keepalived}, {@code _checker}) is not served.
 */
final class SnmpAgent {
    private final Notes notes;
    private final Map<String, String> cfg = new LinkedHashMap<>();
    private boolean rfcMib;

    SnmpAgent(Notes notes) {
        this.notes = notes;
    }

    /** A global_defs line; false when it is not an SNMP keyword. */
    boolean global(Node c) {
        switch (c.keyword()) {
            case "enable_snmp_rfc" -> rfcMib = true;
            case "enable_snmp_rfcv2", "enable_snmp_rfcv3" -> {
                rfcMib = true;
                notes.changed(c, "global_defs " + c.keyword() + ": vrrpd serves both VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527)");
            }
            case "enable_traps" -> cfg.put("traps", "true");
            case "snmp_socket" -> socket(c);
            case "enable_snmp_vrrp", "enable_snmp_keepalived", "enable_snmp_checker" -> notes.add(c, "global_defs " + c.keyword()
                    + ": KEEPALIVED-MIB is not served (vrrpd serves the RFC MIBs: enable_snmp_rfc)");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void socket(Node c) {
        String socket = c.arg(0);
        if (socket == null) {
            notes.changed(c, "global_defs snmp_socket without a socket: snmpd's default /var/agentx/master, as keepalived");
        } else if (socket.startsWith("udp:")) {
            notes.add(c, "global_defs snmp_socket " + socket + ": AgentX over UDP is not supported (a path, unix:PATH or tcp:HOST:PORT)");
        } else {
            cfg.put("socket", socket);
        }
    }

    /** The configuration, when an RFC MIB was asked for. */
    void write(Map<String, String> files) {
        if (rfcMib) {
            cfg.putIfAbsent("socket", "/var/agentx/master"); // snmpd's default, and keepalived's
            files.put("org.vrrpd.snmp.cfg", ImportedFiles.format(cfg));
        }
    }
}
