package org.vrrpd.kernel.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.NetlinkSocket;
import org.vrrpd.kernel.PacketSocket;
import org.vrrpd.kernel.RawIpSocket;

/** Gogo {@code native:check}: proves, inside the running daemon, that every kind of socket vrrpd needs opens and works. */
@Component(service = NativeCheckCommand.class,
        property = {"osgi.command.scope=native", "osgi.command.function=check"})
public class NativeCheckCommand {
    private static final int RTM_NEWLINK = 16;
    private static final int RTM_GETLINK = 18;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_DUMP = 0x300;

    private interface Probe {
        String run() throws Exception;
    }

    /** Returns one line per probe; throws, with the same report, if any probe failed. */
    @Descriptor("opens every kind of socket vrrpd needs (raw IP, netlink, packet, ioctl) and reports each; fails if one does not work")
    public String check() {
        List<String> lines = new ArrayList<>();
        boolean ok = probe(lines, "netlink", NativeCheckCommand::netlink)
                & probe(lines, "raw-ip", NativeCheckCommand::rawIp)
                & probe(lines, "packet", NativeCheckCommand::packet)
                & probe(lines, "ioctl", NativeCheckCommand::ioctl);
        String report = String.join("\n", lines);
        if (!ok) {
            throw new IllegalStateException("native check FAILED\n" + report);
        }
        return report + "\nnative check OK";
    }

    private static boolean probe(List<String> lines, String name, Probe probe) {
        try {
            lines.add(String.format("%-8s OK    %s", name, probe.run()));
            return true;
        } catch (Exception | LinkageError e) {
            lines.add(String.format("%-8s FAIL  %s", name, e));
            return false;
        }
    }

    private static String netlink() throws Exception {
        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0)) {
            ByteBuffer request = ByteBuffer.allocateDirect(32).order(ByteOrder.nativeOrder());
            request.putInt(32).putShort((short) RTM_GETLINK).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                    .putInt(1).putInt(0).putLong(0).putLong(0).flip();
            socket.send(request);
            ByteBuffer reply = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
            int links = 0;
            for (;;) {
                if (socket.receive(reply.clear(), 2000) < 0) {
                    throw new IllegalStateException("no RTM_GETLINK reply within 2 s");
                }
                for (int at = 0; at + 16 <= reply.limit(); ) {
                    int length = reply.getInt(at);
                    int type = reply.getShort(at + 4);
                    if (type == NLMSG_DONE) {
                        return "NETLINK_ROUTE port " + socket.portId() + ", RTM_GETLINK dump: " + links + " links";
                    }
                    if (type == NLMSG_ERROR) {
                        throw new IllegalStateException("RTM_GETLINK answered errno " + -reply.getInt(at + 16));
                    }
                    if (type == RTM_NEWLINK) {
                        links++;
                    }
                    at += (length + 3) & ~3;
                }
            }
        }
    }

    private static String rawIp() throws Exception {
        try (RawIpSocket socket = RawIpSocket.open(112)) {
            socket.setMulticastTtl(255);
            socket.setMulticastLoop(false);
            return "IP protocol 112 (" + socket + "), multicast TTL 255, loop off";
        }
    }

    private static String packet() throws Exception {
        try (PacketSocket socket = PacketSocket.open(PacketSocket.ETH_P_ARP)) {
            return socket.toString();
        }
    }

    private static String ioctl() throws Exception {
        try (IoctlSocket socket = IoctlSocket.open()) {
            return "SIOCGIFINDEX lo = " + socket.interfaceIndex("lo") + ", if_nametoindex lo = " + IoctlSocket.nameToIndex("lo");
        }
    }
}
