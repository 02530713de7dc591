package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An AF_INET datagram socket used only for interface ioctls (struct ifreq). The ioctls act in the
 * network namespace the socket was created in, whatever thread calls them.
 */
public final class IoctlSocket extends NativeSocket {
    private static final int IFREQ_SIZE = 40;
    private static final long SIOCETHTOOL = 0x8946;
    private static final long SIOCGMIIPHY = 0x8947;
    private static final long SIOCGMIIREG = 0x8948;
    private static final int ETHTOOL_GLINK = 0x0000000a;
    private final ByteBuffer ifreq = ByteBuffer.allocateDirect(IFREQ_SIZE).order(ByteOrder.nativeOrder());
    /** struct ethtool_value {u32 cmd; u32 data;}, pointed to by ifr_data. */
    private final ByteBuffer ethtoolValue = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    private final long ethtoolValueAddress = jnr.ffi.Pointer.wrap(org.vrrpd.kernel.internal.Native.runtime(), ethtoolValue).address();

    private IoctlSocket() throws NativeException {
        super(AF_INET, SOCK_DGRAM, 0, "AF_INET/SOCK_DGRAM (ioctl)");
    }

    public static IoctlSocket open() throws NativeException {
        return new IoctlSocket();
    }

    /** The interface index (SIOCGIFINDEX); ENODEV for an unknown name. */
    public int interfaceIndex(String name) throws NativeException {
        return request(name, SIOCGIFINDEX, "SIOCGIFINDEX").getInt(16);
    }

    /** The IFF_* flags (SIOCGIFFLAGS). */
    public int interfaceFlags(String name) throws NativeException {
        return Short.toUnsignedInt(request(name, SIOCGIFFLAGS, "SIOCGIFFLAGS").getShort(16));
    }

    /** The 6-byte hardware address (SIOCGIFHWADDR: a struct sockaddr whose data holds the MAC). */
    public byte[] hardwareAddress(String name) throws NativeException {
        ByteBuffer answer = request(name, SIOCGIFHWADDR, "SIOCGIFHWADDR");
        byte[] mac = new byte[6];
        answer.get(18, mac);
        return mac;
    }

    /**
     * The PHY address of the interface's MII transceiver (SIOCGMIIPHY); fails (typically
     * EOPNOTSUPP) when the driver has no MII access, as with veth, bridge and macvlan.
     */
    public int miiPhyId(String name) throws NativeException {
        return Short.toUnsignedInt(request(name, SIOCGMIIPHY, "SIOCGMIIPHY").getShort(16));
    }

    /** Reads MII register {@code register} of PHY {@code phyId} (SIOCGMIIREG; struct mii_ioctl_data in the ifreq union). */
    public int miiReadRegister(String name, int phyId, int register) throws NativeException {
        return Short.toUnsignedInt(request(name, SIOCGMIIREG, "SIOCGMIIREG",
                r -> r.putShort(16, (short) phyId).putShort(18, (short) register)).getShort(22));
    }

    /** The driver's link status (SIOCETHTOOL ETHTOOL_GLINK); fails with EOPNOTSUPP when the driver has no get_link. */
    public boolean ethtoolLink(String name) throws NativeException {
        ethtoolValue.putInt(0, ETHTOOL_GLINK).putInt(4, 0);
        request(name, SIOCETHTOOL, "SIOCETHTOOL ETHTOOL_GLINK", r -> r.putLong(16, ethtoolValueAddress));
        return ethtoolValue.getInt(4) != 0;
    }

    /**
     * Issues an ioctl with an ifreq naming {@code name} and returns the ifreq as the kernel left it.
     * {@code prepare} may fill the union (bytes 16..39) before the call.
     */
    public ByteBuffer request(String name, long request, String requestName) throws NativeException {
        return request(name, request, requestName, null);
    }

    public ByteBuffer request(String name, long request, String requestName, java.util.function.Consumer<ByteBuffer> prepare)
            throws NativeException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name too long: " + name);
        }
        ifreq.clear();
        for (int i = 0; i < IFREQ_SIZE; i++) {
            ifreq.put(i, (byte) 0);
        }
        ifreq.put(0, bytes);
        if (prepare != null) {
            prepare.accept(ifreq);
        }
        if (LIBC.ioctl(fd(), request, ifreq) < 0) {
            throw new NativeException("ioctl(" + requestName + ", " + name + ")", org.vrrpd.kernel.internal.Native.errno());
        }
        return ifreq;
    }

    /** if_nametoindex(3) in the calling thread's namespace; ENODEV for an unknown name. */
    public static int nameToIndex(String name) throws NativeException {
        int index = LIBC.if_nametoindex(name);
        if (index == 0) {
            throw new NativeException("if_nametoindex(" + name + ")", org.vrrpd.kernel.internal.Native.errno());
        }
        return index;
    }
}
