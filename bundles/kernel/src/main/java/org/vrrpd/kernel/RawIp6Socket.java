package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.vrrpd.kernel.internal.Native;

/**
 * An IPv6 raw socket for one IP protocol (112 for VRRP). The kernel neither hands the IPv6 header
 * to a raw socket nor takes one from it, so this socket keeps the shape of an IPv4 one with
 * IP_HDRINCL: a received datagram is stored with an IPv6 header rebuilt from what the kernel says
 * about it (source from the socket address, destination from IPV6_PKTINFO, hop limit from
 * IPV6_HOPLIMIT), and a datagram to send starts with an IPv6 header whose source, destination and
 * hop limit are sent as IPV6_PKTINFO and IPV6_HOPLIMIT. Sending and receiving do not allocate.
 */
public final class RawIp6Socket extends NativeSocket {
    public static final int HEADER_LENGTH = 40;

    // One direct area for recvmsg/sendmsg (native order): struct msghdr, struct iovec, struct
    // sockaddr_in6 and the control messages, at these offsets.
    private static final int MSGHDR = 0;
    private static final int IOVEC = 64;
    private static final int NAME = 80;
    private static final int NAME_LENGTH = 28;
    private static final int CONTROL = 112;
    private static final int CONTROL_LENGTH = 64;
    private static final int CMSG_HEADER = 16;

    private final ByteBuffer msg = ByteBuffer.allocateDirect(CONTROL + CONTROL_LENGTH).order(ByteOrder.nativeOrder());
    private final long msgAddress = Native.address(msg);
    /** The last data buffer and its address, so that the address is looked up once per buffer. */
    private ByteBuffer data;
    private long dataAddress;

    private RawIp6Socket(int protocol) throws NativeException {
        super(AF_INET6, SOCK_RAW, protocol, "AF_INET6/SOCK_RAW proto " + protocol);
        try {
            setIntOption(IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            setIntOption(IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
        } catch (NativeException e) {
            close();
            throw e;
        }
    }

    public static RawIp6Socket open(int protocol) throws NativeException {
        return new RawIp6Socket(protocol);
    }

    /** Joins ({@code member}) or leaves {@code group} on the interface with {@code interfaceIndex} (IPV6_ADD/DROP_MEMBERSHIP). */
    public void setMember(Inet6Address group, int interfaceIndex, boolean member) throws NativeException {
        scratch.clear().put(0, group.getAddress()).putInt(16, interfaceIndex);
        setOption(IPPROTO_IPV6, member ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, scratch, 20,
                (member ? "IPV6_ADD_MEMBERSHIP " : "IPV6_DROP_MEMBERSHIP ") + group.getHostAddress() + " ifindex " + interfaceIndex);
    }

    public void setMulticastInterface(int interfaceIndex) throws NativeException {
        setIntOption(IPPROTO_IPV6, IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
    }

    public void setMulticastLoop(boolean loop) throws NativeException {
        setIntOption(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, loop ? 1 : 0, "IPV6_MULTICAST_LOOP");
    }

    /** The traffic class of what this socket sends (IPV6_TCLASS; 0xc0 is network control). */
    public void setTrafficClass(int trafficClass) throws NativeException {
        setIntOption(IPPROTO_IPV6, IPV6_TCLASS, trafficClass, "IPV6_TCLASS");
    }

    /**
     * Receives one datagram at {@code buf}'s position as an IPv6 header ({@link #HEADER_LENGTH}
     * bytes: version, payload length, next header, hop limit, source, destination; traffic class
     * and flow label 0) and the payload. Returns the header length plus the payload's full length
     * (more than fitted if it was truncated), or -1 if none is waiting; the limit is set to the end
     * of what was stored. A hop limit the kernel did not report is stored as 0.
     */
    public int receive(ByteBuffer buf) throws NativeException {
        int start = buf.position();
        int room = buf.remaining() - HEADER_LENGTH;
        if (room < 0) {
            throw new IllegalArgumentException("no room for an IPv6 header");
        }
        prepare(address(buf) + start + HEADER_LENGTH, room, CONTROL_LENGTH);
        long n = LIBC.recvmsg(fd(), msg, MSG_TRUNC);
        if (n < 0) {
            int errno = Native.errno();
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                return -1;
            }
            throw new NativeException("recvmsg(" + description() + ")", errno);
        }
        int hopLimit = 0;
        int pktinfo = -1;
        long controlLength = msg.getLong(MSGHDR + 40);
        for (int at = 0; at + CMSG_HEADER <= controlLength;) {
            int length = (int) msg.getLong(CONTROL + at);
            if (length < CMSG_HEADER || at + length > controlLength) {
                break;
            }
            if (msg.getInt(CONTROL + at + 8) == IPPROTO_IPV6) {
                int type = msg.getInt(CONTROL + at + 12);
                if (type == IPV6_HOPLIMIT) {
                    hopLimit = msg.getInt(CONTROL + at + CMSG_HEADER);
                } else if (type == IPV6_PKTINFO) {
                    pktinfo = CONTROL + at + CMSG_HEADER;
                }
            }
            at += (length + 7) & ~7;
        }
        buf.putInt(start, 0x6000_0000).putShort(start + 4, (short) n).put(start + 6, (byte) protocol()).put(start + 7, (byte) hopLimit);
        for (int i = 0; i < 16; i++) {
            buf.put(start + 8 + i, msg.get(NAME + 8 + i));
            buf.put(start + 24 + i, pktinfo < 0 ? 0 : msg.get(pktinfo + i));
        }
        buf.limit(start + HEADER_LENGTH + (int) Math.min(n, room));
        return HEADER_LENGTH + (int) n;
    }

    /**
     * Sends the datagram from position to limit, which starts with an IPv6 header: its source,
     * destination and hop limit are what the kernel puts in its own header, out of the interface
     * {@code interfaceIndex}; the rest is the payload. Returns the payload bytes sent.
     */
    public int send(ByteBuffer datagram, int interfaceIndex) throws NativeException {
        int start = datagram.position();
        prepare(address(datagram) + start + HEADER_LENGTH, datagram.remaining() - HEADER_LENGTH, 64);
        msg.putShort(NAME, (short) AF_INET6).putShort(NAME + 2, (short) 0).putInt(NAME + 4, 0).putInt(NAME + 24, interfaceIndex);
        // IPV6_PKTINFO (struct in6_pktinfo: source, ifindex), then IPV6_HOPLIMIT
        msg.putLong(CONTROL, CMSG_HEADER + 20).putInt(CONTROL + 8, IPPROTO_IPV6).putInt(CONTROL + 12, IPV6_PKTINFO);
        msg.putInt(CONTROL + CMSG_HEADER + 16, interfaceIndex).putInt(CONTROL + CMSG_HEADER + 20, 0);
        msg.putLong(CONTROL + 40, CMSG_HEADER + 4).putInt(CONTROL + 48, IPPROTO_IPV6).putInt(CONTROL + 52, IPV6_HOPLIMIT)
                .putInt(CONTROL + 56, datagram.get(start + 7) & 0xff).putInt(CONTROL + 60, 0);
        for (int i = 0; i < 16; i++) {
            msg.put(NAME + 8 + i, datagram.get(start + 24 + i));
            msg.put(CONTROL + CMSG_HEADER + i, datagram.get(start + 8 + i));
        }
        long n = LIBC.sendmsg(fd(), msg, 0);
        if (n < 0) {
            int errno = Native.errno();
            throw new NativeException("sendmsg(" + description() + ", " + text(datagram, start + 8) + " to " + text(datagram, start + 24)
                    + " ifindex " + interfaceIndex + ")", errno);
        }
        datagram.position(datagram.limit());
        return (int) n;
    }

    /** Fills in struct msghdr and its one struct iovec for {@code length} bytes at {@code base}. */
    private void prepare(long base, int length, int controlLength) {
        msg.putLong(MSGHDR, msgAddress + NAME).putInt(MSGHDR + 8, NAME_LENGTH).putInt(MSGHDR + 12, 0).putLong(MSGHDR + 16, msgAddress + IOVEC)
                .putLong(MSGHDR + 24, 1).putLong(MSGHDR + 32, msgAddress + CONTROL).putLong(MSGHDR + 40, controlLength)
                .putLong(MSGHDR + 48, 0);
        msg.putLong(IOVEC, base).putLong(IOVEC + 8, length);
    }

    private long address(ByteBuffer buf) {
        if (buf != data) {
            dataAddress = Native.address(buf);
            data = buf;
        }
        return dataAddress;
    }

    private static String text(ByteBuffer buf, int at) {
        byte[] a = new byte[16];
        buf.get(at, a);
        try {
            return InetAddress.getByAddress(a).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
