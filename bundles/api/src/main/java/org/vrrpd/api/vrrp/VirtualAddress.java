package org.vrrpd.api.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A virtual address an instance protects: an IPv4 or IPv6 address and the prefix length it is
 * added to the interface with, and keepalived's address options: the device it goes on ({@code dev};
 * none: the instance's interface), its IPv4 label, scope and broadcast address. Immutable; its bytes
 * can be read without allocating (the receive path compares them with every advert's address list).
 */
public final class VirtualAddress {
    /** The kernel's scope names (rtnetlink's rt_scope_t), as {@code ip address} and keepalived take them. */
    private static final Map<String, Integer> SCOPES = Map.of("global", 0, "site", 200, "link", 253, "host", 254, "nowhere", 255);

    private final byte[] bytes;
    private final int prefixLength;
    private final String device;
    private final String label;
    private final int scope;
    private final byte[] broadcast;

    private VirtualAddress(byte[] bytes, int prefixLength, String device, String label, int scope, byte[] broadcast) {
        int max = bytes.length * 8;
        if (prefixLength < 1 || prefixLength > max) {
            throw new IllegalArgumentException("prefix must be 1.." + max);
        }
        this.bytes = bytes;
        this.prefixLength = prefixLength;
        this.device = device;
        this.label = label;
        this.scope = scope;
        this.broadcast = broadcast;
    }

    public static VirtualAddress of(InetAddress address, int prefixLength) {
        return new VirtualAddress(address.getAddress(), prefixLength, null, null, -1, null);
    }

    /**
     * Reads {@code ADDRESS[/PREFIX]} in numeric form (no name lookup); without a prefix the address
     * stands alone (/32, /128). Options follow, each {@code ;NAME=VALUE}: {@code dev} (an interface
     * name), {@code label} (IPv4; must start with the device's name, as the kernel wants),
     * {@code scope} (global, site, link, host, nowhere or 0..255) and {@code brd} (IPv4 broadcast
     * address), e.g. {@code 192.0.2.101/24;dev=eth1;label=eth1:vip}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static VirtualAddress parse(String text) {
        String[] options = text.trim().split(";", -1);
        VirtualAddress plain = parseAddress(options[0]);
        String device = null;
        String label = null;
        int scope = -1;
        byte[] broadcast = null;
        for (int i = 1; i < options.length; i++) {
            String[] option = options[i].split("=", 2);
            String value = option.length == 2 ? option[1].trim() : "";
            if (value.isEmpty()) {
                throw new IllegalArgumentException("option '" + options[i] + "' is not NAME=VALUE");
            }
            switch (option[0].trim()) {
                case "dev" -> device = interfaceName(value);
                case "label" -> label = interfaceName(value);
                case "scope" -> scope = scope(value);
                case "brd" -> broadcast = parseAddress(value).bytes;
                default -> throw new IllegalArgumentException("unknown option '" + option[0].trim() + "' (dev, label, scope or brd)");
            }
        }
        if ((label != null || broadcast != null) && !plain.isIpv4()) {
            throw new IllegalArgumentException("label and brd are IPv4 options");
        }
        if (broadcast != null && broadcast.length != 4) {
            throw new IllegalArgumentException("brd must be an IPv4 address");
        }
        return new VirtualAddress(plain.bytes, plain.prefixLength, device, label, scope, broadcast);
    }

    private static String interfaceName(String name) {
        if (name.length() > 15 || name.contains("/") || name.contains(",")) {
            throw new IllegalArgumentException("'" + name + "' is not an interface name");
        }
        return name;
    }

    private static int scope(String value) {
        Integer named = SCOPES.get(value);
        if (named != null) {
            return named;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 255) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("scope '" + value + "' is none of global, site, link, host, nowhere or 0..255");
    }

    private static VirtualAddress parseAddress(String text) {
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
        return new VirtualAddress(bytes, prefix, null, null, -1, null);
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

    /** The interface it goes on (keepalived's {@code dev}), or null: the instance's. */
    public String device() {
        return device;
    }

    /** Its IPv4 label (keepalived's {@code label}), or null. */
    public String label() {
        return label;
    }

    /** Its scope (rt_scope_t: 0 global .. 255 nowhere), or -1: the kernel's default. */
    public int scope() {
        return scope;
    }

    /** Its IPv4 broadcast address (keepalived's {@code brd}), or null. */
    public InetAddress broadcast() {
        try {
            return broadcast == null ? null : InetAddress.getByAddress(broadcast);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The address and prefix alone, without options: what an advert carries and a kernel address is. */
    public VirtualAddress withoutOptions() {
        return device == null && label == null && scope == -1 && broadcast == null ? this : of(address(), prefixLength);
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
        return o instanceof VirtualAddress v && v.prefixLength == prefixLength && Arrays.equals(v.bytes, bytes)
                && Objects.equals(v.device, device) && Objects.equals(v.label, label) && v.scope == scope && Arrays.equals(v.broadcast, broadcast);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + prefixLength;
    }

    /**
     * {@code ADDRESS/PREFIX}, the address in its canonical text form (RFC 5952 for IPv6), then the
     * options as {@link #parse} reads them, so the text reads back as an equal address.
     */
    @Override
    public String toString() {
        InetAddress a = address();
        StringBuilder text = new StringBuilder(a instanceof Inet4Address ? a.getHostAddress() : Ipv6Text.canonical(bytes)).append('/')
                .append(prefixLength);
        if (device != null) {
            text.append(";dev=").append(device);
        }
        if (label != null) {
            text.append(";label=").append(label);
        }
        if (scope >= 0) {
            String name = SCOPES.entrySet().stream().filter(e -> e.getValue() == scope).map(Map.Entry::getKey).findFirst().orElse(null);
            text.append(";scope=").append(name != null ? name : Integer.toString(scope));
        }
        if (broadcast != null) {
            text.append(";brd=").append(broadcast().getHostAddress());
        }
        return text.toString();
    }
}
