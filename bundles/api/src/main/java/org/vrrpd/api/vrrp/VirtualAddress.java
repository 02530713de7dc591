package org.vrrpd.api.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A virtual address an instance protects: an IPv4 or IPv6 address and the prefix length it is
 * added to the interface with. Immutable; its bytes can be read without allocating (the receive
 * path compares them with every advert's address list).
 */
public final class VirtualAddress {
    private final byte[] bytes;
    private final int prefixLength;

    private VirtualAddress(byte[] bytes, int prefixLength) {
        int max = bytes.length * 8;
        if (prefixLength < 1 || prefixLength > max) {
            throw new IllegalArgumentException("prefix must be 1.." + max);
        }
        this.bytes = bytes;
        this.prefixLength = prefixLength;
    }

    public static VirtualAddress of(InetAddress address, int prefixLength) {
        return new VirtualAddress(address.getAddress(), prefixLength);
    }

    /**
     * Reads {@code ADDRESS[/PREFIX]} in numeric form (no name lookup); without a prefix the address
     * stands alone (/32, /128).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static VirtualAddress parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2 || !parts[0].matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("not an ADDRESS[/PREFIX]");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(parts[0]).getAddress(); // numeric only, checked above: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address");
        }
        if (parts[0].indexOf(':') < 0 && parts[0].split("\\.", -1).length != 4) {
            throw new IllegalArgumentException("not an IPv4 address in dotted quad form");
        }
        int prefix;
        try {
            prefix = parts.length == 1 ? bytes.length * 8 : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the prefix is not a number");
        }
        return new VirtualAddress(bytes, prefix);
    }

    public InetAddress address() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes by construction
        }
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /** 4 for IPv4, 16 for IPv6. */
    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** The IPv4 address as a big-endian int, as the packet codecs read it. */
    public int ipv4() {
        if (!isIpv4()) {
            throw new IllegalStateException(this + " is not IPv4");
        }
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualAddress v && v.prefixLength == prefixLength && Arrays.equals(v.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + prefixLength;
    }

    /** {@code ADDRESS/PREFIX}, the address in its canonical text form (RFC 5952 for IPv6). */
    @Override
    public String toString() {
        InetAddress a = address();
        return (a instanceof Inet4Address ? a.getHostAddress() : Ipv6Text.canonical(bytes)) + "/" + prefixLength;
    }
}
