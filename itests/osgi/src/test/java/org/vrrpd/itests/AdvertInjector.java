package org.vrrpd.itests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.NetworkNamespace;
import org.vrrpd.kernel.RawIpSocket;

/**
 * Crafts VRRPv2 adverts byte by byte (independently of the engine's codec) and sends them to
 * 224.0.0.18 from a lab namespace, with whatever defects a test asks for.
 */
final class AdvertInjector {
    private int ttl = 255;
    private int version = 2;
    private int vrid = 51;
    private int priority = 254;
    private int claimedCount = -1;
    private int authType = 0;
    private String password = "";
    private int interval = 1;
    private boolean corruptChecksum;
    private final int[] addresses;

    AdvertInjector(String... addresses) {
        this.addresses = new int[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            this.addresses[i] = Ipv4.parse(addresses[i]);
        }
    }

    AdvertInjector ttl(int value) { ttl = value; return this; }
    AdvertInjector version(int value) { version = value; return this; }
    AdvertInjector priority(int value) { priority = value; return this; }
    /** An address count that disagrees with the addresses actually carried. */
    AdvertInjector claimedCount(int value) { claimedCount = value; return this; }
    AdvertInjector password(String value) { authType = 1; password = value; return this; }
    AdvertInjector authType(int value) { authType = value; return this; }
    AdvertInjector interval(int value) { interval = value; return this; }
    AdvertInjector corruptChecksum() { corruptChecksum = true; return this; }

    ByteBuffer datagram(String source) {
        int vrrpLength = 8 + 4 * addresses.length + 8;
        ByteBuffer b = ByteBuffer.allocateDirect(20 + vrrpLength);
        b.put(0, (byte) 0x45).put(1, (byte) 0xc0).putShort(2, (short) (20 + vrrpLength)).putShort(4, (short) 7)
                .put(8, (byte) ttl).put(9, (byte) 112).putInt(12, Ipv4.parse(source)).putInt(16, Ipv4.VRRP_GROUP);
        b.put(20, (byte) (version << 4 | 1)).put(21, (byte) vrid).put(22, (byte) priority)
                .put(23, (byte) (claimedCount >= 0 ? claimedCount : addresses.length)).put(24, (byte) authType).put(25, (byte) interval);
        for (int i = 0; i < addresses.length; i++) {
            b.putInt(28 + 4 * i, addresses[i]);
        }
        byte[] pass = password.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < pass.length; i++) {
            b.put(28 + 4 * addresses.length + i, pass[i]);
        }
        int sum = 0;
        for (int i = 20; i < 20 + vrrpLength; i += 2) {
            sum += Short.toUnsignedInt(b.getShort(i));
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        b.putShort(26, (short) (~sum ^ (corruptChecksum ? 0x5a5a : 0)));
        return b;
    }

    /** Sends one advert out of {@code ifname} in namespace {@code ns}, from {@code source}. */
    void send(String ns, String ifname, String source) throws Exception {
        NetworkNamespace.call(ns, () -> {
            try (RawIpSocket socket = RawIpSocket.open(112); IoctlSocket ioctl = IoctlSocket.open()) {
                socket.setHeaderIncluded(true);
                socket.setMulticastInterface(ioctl.interfaceIndex(ifname));
                return socket.send(datagram(source), Ipv4.VRRP_GROUP);
            }
        });
    }
}
