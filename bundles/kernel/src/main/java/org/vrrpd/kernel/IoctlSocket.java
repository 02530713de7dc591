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
    private final ByteBuffer ifreq = ByteBuffer.allocateDirect(IFREQ_SIZE).order(ByteOrder.nativeOrder());

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
