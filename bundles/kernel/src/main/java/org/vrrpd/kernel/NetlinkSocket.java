package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;

import java.nio.ByteBuffer;
import jnr.ffi.byref.IntByReference;

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

    /** Sends one or more netlink messages, position to limit, to the kernel. */
    public void send(ByteBuffer messages) throws NativeException {
        int n = sendOrErrno(messages, null, 0);
        if (n < 0) {
            throw new NativeException("sendto(" + description() + ", to kernel)", -n);
        }
    }
}
