package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;

import java.nio.ByteBuffer;

/**
 * An AF_PACKET/SOCK_RAW socket: whole link-layer frames, Ethernet header included, for one
 * EtherType (e.g. 0x0806 ARP, or 0x0003 for all).
 */
public final class PacketSocket extends NativeSocket {
    public static final int ETH_P_ALL = 0x0003;
    public static final int ETH_P_IP = 0x0800;
    public static final int ETH_P_ARP = 0x0806;
    public static final int ETH_P_IPV6 = 0x86dd;

    private final int etherType;

    private PacketSocket(int receiveType, int etherType) throws NativeException {
        super(AF_PACKET, SOCK_RAW, Short.toUnsignedInt(htons(receiveType)), "AF_PACKET ethertype 0x" + Integer.toHexString(etherType));
        this.etherType = etherType;
    }

    /** Opens a socket that sends on any interface and, until {@link #bind}, receives from all. */
    public static PacketSocket open(int etherType) throws NativeException {
        return new PacketSocket(etherType, etherType);
    }

    /**
     * Opens a socket that only sends frames of {@code etherType}: with protocol 0 the kernel hands
     * it nothing, so no receive queue fills up with traffic nobody reads.
     */
    public static PacketSocket sender(int etherType) throws NativeException {
        return new PacketSocket(0, etherType);
    }

    /** Receives only frames from the interface with {@code interfaceIndex}. */
    public void bind(int interfaceIndex) throws NativeException {
        fillAddress(interfaceIndex);
        bind(scratch, 20, "ifindex " + interfaceIndex);
    }

    /** Sends one frame (Ethernet header included), position to limit, out of {@code interfaceIndex}. */
    public int send(ByteBuffer frame, int interfaceIndex) throws NativeException {
        fillAddress(interfaceIndex);
        int n = sendOrErrno(frame, scratch, 20);
        if (n < 0) {
            throw new NativeException("sendto(" + description() + ", ifindex " + interfaceIndex + ")", -n);
        }
        return n;
    }

    /** struct sockaddr_ll: family, protocol (network order), ifindex, hatype, pkttype, halen, addr[8]. */
    private void fillAddress(int interfaceIndex) {
        scratch.clear().putLong(0, 0).putLong(8, 0).putInt(16, 0);
        scratch.putShort(0, (short) AF_PACKET);
        scratch.putShort(2, htons(etherType));
        scratch.putInt(4, interfaceIndex);
    }
}
