package org.vrrpd.itests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    private int truncateTo = -1;
    private byte[] ahKey;
    private int ahSequence;
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
    AdvertInjector vrid(int value) { vrid = value; return this; }
    /** Sends only the first {@code bytes} of the datagram (the kernel sets the IP length to match). */
    AdvertInjector truncate(int bytes) { truncateTo = bytes; return this; }
    /** Sends it in IPSEC-AH (protocol 51) with sequence number {@code sequence}, the ICV keyed by {@code key}. */
    AdvertInjector ah(String key, int sequence) { authType = 2; ahKey = key.getBytes(StandardCharsets.US_ASCII); ahSequence = sequence; return this; }

    ByteBuffer datagram(String source) throws Exception {
        int vrrpLength = 8 + 4 * addresses.length + 8;
        int at = ahKey == null ? 20 : 44;
        ByteBuffer b = ByteBuffer.allocate(at + vrrpLength);
        b.put(0, (byte) 0x45).put(1, (byte) 0xc0).putShort(2, (short) (at + vrrpLength)).putShort(4, (short) 7)
                .put(8, (byte) ttl).put(9, (byte) (ahKey == null ? 112 : 51)).putInt(12, Ipv4.parse(source)).putInt(16, Ipv4.VRRP_GROUP);
        b.put(at, (byte) (version << 4 | 1)).put(at + 1, (byte) vrid).put(at + 2, (byte) priority)
                .put(at + 3, (byte) (claimedCount >= 0 ? claimedCount : addresses.length)).put(at + 4, (byte) authType)
                .put(at + 5, (byte) interval);
        for (int i = 0; i < addresses.length; i++) {
            b.putInt(at + 8 + 4 * i, addresses[i]);
        }
        byte[] pass = password.getBytes(StandardCharsets.US_ASCII);
        b.put(at + 8 + 4 * addresses.length, pass);
        int sum = 0;
        for (int i = at; i < at + vrrpLength; i += 2) {
            sum += Short.toUnsignedInt(b.getShort(i));
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        b.putShort(at + 6, (short) (~sum ^ (corruptChecksum ? 0x5a5a : 0)));
        if (ahKey != null) {
            // RFC 2402 as keepalived does it: ICV = HMAC-MD5-96 over the datagram with TOS, fragment field and checksum zeroed.
            b.put(20, (byte) 112).put(21, (byte) 4).putInt(24, Ipv4.parse(source)).putInt(28, ahSequence);
            byte[] zeroed = b.array().clone();
            zeroed[1] = 0;
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(ahKey, "HmacMD5"));
            b.put(32, mac.doFinal(zeroed), 0, 12);
        }
        int length = truncateTo >= 0 ? truncateTo : b.capacity();
        return ByteBuffer.allocateDirect(length).put(b.array(), 0, length).flip();
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
