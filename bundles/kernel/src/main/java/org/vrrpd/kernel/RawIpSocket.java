package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;

import java.nio.ByteBuffer;

/**
 * An IPv4 raw socket for one IP protocol (112 for VRRP, 51 for AH). Received datagrams start with
 * their IP header. Addresses are IPv4 addresses as big-endian ints, so that sending does not allocate.
 */
public final class RawIpSocket extends NativeSocket {
    private RawIpSocket(int protocol) throws NativeException {
        super(AF_INET, SOCK_RAW, protocol, "AF_INET/SOCK_RAW proto " + protocol);
    }

    public static RawIpSocket open(int protocol) throws NativeException {
        return new RawIpSocket(protocol);
    }

    /** Joins ({@code member}) or leaves {@code group} on the interface with {@code interfaceIndex} (IP_ADD/DROP_MEMBERSHIP with ip_mreqn). */
    public void setMember(int group, int interfaceIndex, boolean member) throws NativeException {
        scratch.clear();
        putAddress(scratch, 0, group);
        putAddress(scratch, 4, 0);
        scratch.putInt(8, interfaceIndex);
        setOption(IPPROTO_IP, member ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, scratch, 12,
                (member ? "IP_ADD_MEMBERSHIP " : "IP_DROP_MEMBERSHIP ") + Ipv4.toString(group) + " ifindex " + interfaceIndex);
    }

    /** Sends multicast through the interface with {@code interfaceIndex} (IP_MULTICAST_IF). */
    public void setMulticastInterface(int interfaceIndex) throws NativeException {
        scratch.clear();
        putAddress(scratch, 0, 0);
        putAddress(scratch, 4, 0);
        scratch.putInt(8, interfaceIndex);
        setOption(IPPROTO_IP, IP_MULTICAST_IF, scratch, 12, "IP_MULTICAST_IF ifindex " + interfaceIndex);
    }

    public void setMulticastTtl(int ttl) throws NativeException {
        setIntOption(IPPROTO_IP, IP_MULTICAST_TTL, ttl, "IP_MULTICAST_TTL");
    }

    public void setMulticastLoop(boolean loop) throws NativeException {
        setIntOption(IPPROTO_IP, IP_MULTICAST_LOOP, loop ? 1 : 0, "IP_MULTICAST_LOOP");
    }

    /** With IP_HDRINCL the caller writes the IP header itself (needed to sign it for AH). */
    public void setHeaderIncluded(boolean included) throws NativeException {
        setIntOption(IPPROTO_IP, IP_HDRINCL, included ? 1 : 0, "IP_HDRINCL");
    }

    /** Sends the bytes from position to limit to {@code destination}; returns the count sent. */
    public int send(ByteBuffer datagram, int destination) throws NativeException {
        // struct sockaddr_in: family (host order), port 0, address (network order), 8 bytes of zero
        scratch.clear().putLong(0, 0).putLong(8, 0).putShort(0, (short) AF_INET);
        putAddress(scratch, 4, destination);
        int n = sendOrErrno(datagram, scratch, 16);
        if (n < 0) {
            throw new NativeException("sendto(" + description() + ", to " + Ipv4.toString(destination) + ")", -n);
        }
        return n;
    }

    private static void putAddress(ByteBuffer nativeOrder, int offset, int address) {
        nativeOrder.putInt(offset, htonl(address));
    }
}
