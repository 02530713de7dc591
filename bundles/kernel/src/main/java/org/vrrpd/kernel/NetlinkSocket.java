package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.byref.IntByReference;
import org.vrrpd.kernel.internal.Native;

/**
 * A netlink socket (AF_NETLINK/SOCK_RAW) for one family, e.g. NETLINK_ROUTE (0) or NETLINK_GENERIC
 * (16). A receive that fails with ENOBUFS means the kernel dropped broadcasts for this socket.
 */
public final class NetlinkSocket extends NativeSocket {
    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_GENERIC = 16;

    private final int portId;

    private NetlinkSocket(int family, int groups) throws NativeException {
        super(AF_NETLINK, SOCK_RAW, family, "AF_NETLINK family " + family);
        try {
            // struct sockaddr_nl: family, pad, port id (0: the kernel picks), group bitmask
            scratch.clear().putShort(0, (short) AF_NETLINK).putShort(2, (short) 0).putInt(4, 0).putInt(8, groups);
            bind(scratch, 12, "groups 0x" + Integer.toHexString(groups));
            IntByReference length = new IntByReference(12);
            check(LIBC.getsockname(fd(), scratch.clear(), length), "getsockname(" + description() + ")");
            this.portId = scratch.getInt(4);
        } catch (NativeException e) {
            close();
            throw e;
        }
    }

    /** Opens and binds a socket, subscribed to the legacy {@code groups} bitmask (0 for none). */
    public static NetlinkSocket open(int family, int groups) throws NativeException {
        return new NetlinkSocket(family, groups);
    }

    /** The port id the kernel assigned; requests carry it as nlmsg_pid. */
    public int portId() {
        return portId;
    }

    /** Subscribes to one multicast group by number (e.g. RTNLGRP_IPV6_IFADDR = 9). */
    public void joinGroup(int group) throws NativeException {
        setIntOption(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group, "NETLINK_ADD_MEMBERSHIP");
    }

    public void leaveGroup(int group) throws NativeException {
        setIntOption(SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, group, "NETLINK_DROP_MEMBERSHIP");
    }

    /**
     * Drops, in the kernel, every message that reaches this socket with {@code nlmsg_pid} =
     * {@code portId}: a broadcast caused by a request of the socket with that port id carries it
     * (a classic BPF filter on the first message of each datagram, which is the only one in a
     * broadcast). Used so that a socket's own changes are not read back as news.
     */
    public void ignoreMessagesFrom(int portId) throws NativeException {
        // struct sock_filter {u16 code; u8 jt; u8 jf; u32 k}; an absolute load is big-endian, nlmsg_pid is in host order
        ByteBuffer program = ByteBuffer.allocateDirect(4 * 8).order(ByteOrder.nativeOrder());
        program.putShort((short) 0x20).put((byte) 0).put((byte) 0).putInt(12); // ld [12]: nlmsg_pid
        program.putShort((short) 0x15).put((byte) 0).put((byte) 1).putInt(htonl(portId)); // jeq portId ? next : skip one
        program.putShort((short) 0x06).put((byte) 0).put((byte) 0).putInt(0); // ret 0: drop
        program.putShort((short) 0x06).put((byte) 0).put((byte) 0).putInt(-1); // ret all: keep
        ByteBuffer fprog = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        fprog.putShort(0, (short) 4).putLong(8, Native.address(program));
        setOption(SOL_SOCKET, SO_ATTACH_FILTER, fprog, 16, "SO_ATTACH_FILTER(nlmsg_pid != " + portId + ")");
        Reference.reachabilityFence(program); // the kernel read it through a bare address
    }

    /** Sends one or more netlink messages, position to limit, to the kernel. */
    public void send(ByteBuffer messages) throws NativeException {
        int n = sendOrErrno(messages, null, 0);
        if (n < 0) {
            throw new NativeException("sendto(" + description() + ", to kernel)", -n);
        }
    }
}
