package org.vrrpd.vrrp.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * The validated settings of one instance, read from a configuration's properties. Every bad
 * value is rejected with a message naming the instance, the key and the value.
 */
record InstanceSettings(String name, String interfaceName, int vrid, int version, int priority, int advertCentis,
                        List<VirtualAddress> virtualAddresses, String authType, byte[] authPassword, boolean preempt,
                        BigDecimal preemptDelay, boolean initialMaster, int garpMasterDelay, int garpMasterRepeat, int garpMasterRefresh,
                        String syncGroup, Unicast unicast, int vipLease, LowerPriority lowerPriority, boolean naRouterFlag, Vmac vmac,
                        boolean strict, List<VirtualAddress> excludedAddresses, int garpMasterRefreshRepeat, BigDecimal startupDelay,
                        BigDecimal garpInterval, BigDecimal gnaInterval) {
    static final String FACTORY_PID = "org.vrrpd.vrrp.instance";
    static final int OWNER_PRIORITY = 255;

    /** A configuration value that cannot be used. */
    static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidSetting(String message) {
            super(message);
        }
    }

    static InstanceSettings parse(Map<String, ?> properties) {
        Reader r = new Reader(properties);
        String name = r.string("name", null);
        r.instance = name;
        String interfaceName = r.string("interfaceName", null);
        if (interfaceName.length() > 15 || interfaceName.contains("/") || interfaceName.contains(" ")) {
            throw r.invalid("interfaceName", interfaceName, "not an interface name");
        }
        int vrid = r.integer("vrid", null, 1, 255);
        int priority = r.integer("priority", 100, 1, 255);
        int version = r.integer("version", 2, 2, 3);
        int advertCentis = advertCentis(r, version);
        List<VirtualAddress> addresses = VipLists.advertised(r, interfaceName, version);
        List<VirtualAddress> excluded = VipLists.excluded(r, addresses, interfaceName);
        String authType = r.string("authType", "none").toLowerCase(Locale.ROOT);
        byte[] password = new byte[0];
        switch (authType) {
            case "none" -> { }
            case "pass", "ah" -> {
                String pass = r.string("authPassword", null);
                password = pass.getBytes(StandardCharsets.UTF_8);
                if (password.length > 8) {
                    // keepalived's auth_pass has 8 bytes, for AH's key too: longer would not interoperate.
                    throw r.invalid("authPassword", "(" + password.length + " bytes)", "at most 8 bytes");
                }
            }
            default -> throw r.invalid("authType", authType, "must be none, pass or ah");
        }
        if (version == 3 && !authType.equals("none")) {
            throw r.invalid("authType", authType, "VRRPv3 has no authentication (RFC 5798 removed it)");
        }
        Unicast unicast = unicast(r, !addresses.get(0).isIpv4());
        Vmac vmac = vmac(r, vrid);
        if (unicast.enabled() && vmac.enabled() && !vmac.xmitBase()) {
            throw r.invalid("useVmac", vmac.name(), "with unicastPeers it needs vmacXmitBase = true, as keepalived says");
        }
        boolean strict = r.bool("strict", false);
        InstanceSettings s = new InstanceSettings(name, interfaceName, vrid, version, priority, advertCentis, addresses, authType, password,
                r.bool("preempt", true), r.seconds("preemptDelay", 1000), initialMaster(r), r.integer("garpMasterDelay", 5, 0, 1000),
                r.integer("garpMasterRepeat", 5, 1, 100), r.integer("garpMasterRefresh", 0, 0, 86400), syncGroup(r), unicast,
                vipLease(r, (advertCentis + 99) / 100), lowerPriority(r, strict), r.bool("naRouterFlag", false), vmac, strict, excluded,
                r.integer("garpMasterRefreshRepeat", 1, 1, 100), r.seconds("startupDelay", 3600), r.seconds("garpInterval", 10),
                r.seconds("gnaInterval", 10));
        StrictMode.check(s, r);
        return s;
    }

    /**
     * What a master does when it hears a lower (or an equal, lower-addressed) master, and one about
     * to yield to a better one: keepalived's garp_lower_prio_repeat / garp_lower_prio_delay (which
     * default to the garp_master ones), lower_prio_no_advert and higher_prio_send_advert.
     */
    record LowerPriority(int garpRepeat, int garpDelay, boolean noAdvert, boolean higherPrioSendAdvert) {
    }

    /** Strict mode's defaults are keepalived's: no lower-priority GARPs, no answer to a lower master (RFC 3768 discards its advert). */
    private static LowerPriority lowerPriority(Reader r, boolean strict) {
        return new LowerPriority(r.integer("garpLowerPrioRepeat", strict ? 0 : r.integer("garpMasterRepeat", 5, 1, 100), 0, 100),
                r.integer("garpLowerPrioDelay", strict ? 0 : r.integer("garpMasterDelay", 5, 0, 1000), 0, 1000),
                r.bool("lowerPrioNoAdvert", strict), r.bool("higherPrioSendAdvert", false));
    }

    /** {@code useVmac = true} (the name vrrp.VRID, as keepalived's) or an interface name; {@code vmacXmitBase}. */
    private static Vmac vmac(Reader r, int vrid) {
        String use = r.string("useVmac", "false");
        boolean xmitBase = r.bool("vmacXmitBase", false);
        String name = switch (use.toLowerCase(Locale.ROOT)) {
            case "false", "no", "off" -> null;
            case "true", "yes", "on" -> Vmac.defaultName(vrid);
            default -> use;
        };
        if (name == null) {
            if (xmitBase) {
                throw r.invalid("vmacXmitBase", true, "needs useVmac");
            }
            return Vmac.NONE;
        }
        if (!interfaceName(name)) {
            throw r.invalid("useVmac", use, "true, false or an interface name (at most 15 characters, no '/', ':' or blanks)");
        }
        return new Vmac(name, xmitBase);
    }

    private static boolean interfaceName(String name) {
        return !name.isEmpty() && name.length() <= 15 && name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c));
    }

    /** The interface the instance's adverts go through: its VMAC, unless it has none or sends on the parent. */
    String channelInterface() {
        return vmac.enabled() && !vmac.xmitBase() ? vmac.name() : interfaceName;
    }

    /** The interface its addresses live on: its VMAC, if it has one. */
    String addressInterface() {
        return vmac.enabled() ? vmac.name() : interfaceName;
    }

    /** The least spacing of {@code address}'s announcements on its interface: gratuitous ARP's, or Neighbor Advertisements'. */
    BigDecimal announceInterval(VirtualAddress address) {
        return address.isIpv4() ? garpInterval : gnaInterval;
    }

    /** The interface {@code address} is on: its own dev (keepalived's), else the address interface. */
    String interfaceOf(VirtualAddress address) {
        return address.device() != null ? address.device() : addressInterface();
    }

    /**
     * {@code unicastPeers = ADDRESS[@MINTTL-MAXTTL], ...}, {@code unicastSource}, {@code unicastTtl}; no peers: multicast.
     * Addresses are of the instance's family (its virtual addresses'); an IPv6 link-local peer is on the instance's interface.
     */
    private static Unicast unicast(Reader r, boolean ipv6) {
        List<Unicast.Peer> peers = new ArrayList<>();
        for (String entry : r.strings("unicastPeers")) {
            String[] parts = entry.split("@", -1);
            int[] ttl = {0, 255};
            if (parts.length == 2) {
                String[] bounds = parts[1].split("-", -1);
                try {
                    ttl = new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[bounds.length - 1])};
                } catch (NumberFormatException e) {
                    throw r.invalid("unicastPeers", entry, "not ADDRESS[@MINTTL-MAXTTL]");
                }
            }
            if (parts.length > 2 || ttl[0] < 0 || ttl[1] > 255 || ttl[0] > ttl[1]) {
                throw r.invalid("unicastPeers", entry, "not ADDRESS[@MINTTL-MAXTTL] with 0 <= MINTTL <= MAXTTL <= 255");
            }
            InetAddress address = r.unicastAddress("unicastPeers", parts[0], ipv6);
            Unicast.Peer peer = new Unicast.Peer(RouterAddress.high(address), RouterAddress.low(address), ttl[0], ttl[1]);
            if (peers.stream().anyMatch(p -> p.high() == peer.high() && p.low() == peer.low())) {
                throw r.invalid("unicastPeers", entry, "listed twice");
            }
            peers.add(peer);
        }
        String text = r.string("unicastSource", "");
        InetAddress source = text.isEmpty() ? null : r.unicastAddress("unicastSource", text, ipv6);
        return new Unicast(source == null ? 0 : RouterAddress.high(source), source == null ? 0 : RouterAddress.low(source), List.copyOf(peers),
                r.integer("unicastTtl", 255, 1, 255));
    }

    /**
     * The advert interval in centiseconds: whole seconds 1..255 for VRRPv2 (its field counts
     * seconds), 0.01..40.95 s for VRRPv3 (a 12-bit count of centiseconds).
     */
    private static int advertCentis(Reader r, int version) {
        BigDecimal seconds = r.seconds("advertInterval", version == 3 ? 41 : 255, BigDecimal.ONE);
        BigDecimal centis = seconds.movePointRight(2);
        if (version == 2 && (seconds.scale() > 0 || seconds.signum() == 0)) {
            throw r.invalid("advertInterval", seconds.toPlainString(), "VRRPv2 counts whole seconds, 1..255 (fractions need version = 3)");
        }
        if (centis.scale() > 0 || centis.intValue() < 1 || centis.intValue() > VrrpPacket.MAX_ADVER_INT) {
            throw r.invalid("advertInterval", seconds.toPlainString(), "VRRPv3 counts centiseconds, 0.01..40.95");
        }
        return centis.intValueExact();
    }

    /** Centiseconds as seconds for people: 1, 0.5, 0.05. */
    static String secondsText(int centis) {
        return BigDecimal.valueOf(centis, 2).stripTrailingZeros().toPlainString();
    }

    /**
     * Seconds the kernel keeps this master's addresses unless renewed (0: forever), by default
     * from the advert interval ({@link LeaseSchedule#defaultLeaseSeconds}). 1 s is refused: with
     * renewals once a second and the kernel's once-a-second check, it would run out between two.
     */
    private static int vipLease(Reader r, int advertInterval) {
        int lease = r.integer("vipLease", LeaseSchedule.defaultLeaseSeconds(advertInterval), 0, 86400);
        if (lease == 1) {
            throw r.invalid("vipLease", lease, "must be 0 (forever) or 2..86400: a 1 s lease runs out between renewals");
        }
        return lease;
    }

    /** The lease of this instance's addresses; zero: forever. */
    Duration vipLeaseDuration() {
        return Duration.ofSeconds(vipLease);
    }

    /** keepalived's vrrp_sync_group: instances with the same group name move together; empty for none. */
    private static String syncGroup(Reader r) {
        String group = r.string("syncGroup", "");
        if (!group.matches("[A-Za-z0-9_.-]*")) {
            throw r.invalid("syncGroup", group, "letters, digits, '_', '.' and '-' only");
        }
        return group;
    }

    private static boolean initialMaster(Reader r) {
        String state = r.string("initialState", "BACKUP").toUpperCase(Locale.ROOT);
        return switch (state) {
            case "BACKUP" -> false;
            case "MASTER" -> true;
            default -> throw r.invalid("initialState", state, "must be BACKUP or MASTER");
        };
    }

    /**
     * The high half of the address our adverts come from ({@link RouterAddress}; the low half is the
     * host's): unicastSource's, else the link-local prefix for IPv6, 0 for IPv4.
     */
    long sourceHigh() {
        return unicast.hasSource() ? unicast.sourceHigh() : ipv6() ? VrrpPacket.LINK_LOCAL_PREFIX : 0;
    }

    /** The address family, which the virtual addresses decide: IPv6 runs VRRPv3 over its own channel. */
    boolean ipv6() {
        return !virtualAddresses.get(0).isIpv4();
    }

    boolean owner() {
        return priority == OWNER_PRIORITY;
    }

    /** Whether a change from {@code old} can be applied to a running instance without restarting it. */
    boolean liveChangeableFrom(InstanceSettings old) {
        return old.interfaceName.equals(interfaceName) && old.vrid == vrid && old.version == version && old.owner() == owner()
                && old.ipv6() == ipv6() && old.vmac.equals(vmac);
    }

    boolean sameAuthAs(InstanceSettings old) {
        return old.authType.equals(authType) && Arrays.equals(old.authPassword, authPassword);
    }

    /** Every address a master holds: the advertised ones, then the excluded ones. */
    List<VirtualAddress> managedAddresses() {
        if (excludedAddresses.isEmpty()) {
            return virtualAddresses;
        }
        List<VirtualAddress> all = new ArrayList<>(virtualAddresses);
        all.addAll(excludedAddresses);
        return all;
    }

    /** The addresses as {@code ADDRESS/PREFIX} texts, for logs and the hand-off file. */
    List<String> vipStrings() {
        return virtualAddresses.stream().map(VirtualAddress::toString).toList();
    }

    static final class Reader {
        private final Map<String, ?> properties;
        private String instance = "?";

        Reader(Map<String, ?> properties) {
            this.properties = properties;
        }

        /**
         * One unicast address of the family, without prefix, options or zone (keepalived takes none either: an IPv6
         * link-local address is on the instance's interface): no multicast, unspecified or loopback address.
         */
        InetAddress unicastAddress(String key, String text, boolean ipv6) {
            String family = ipv6 ? "IPv6" : "IPv4";
            VirtualAddress a;
            try {
                a = VirtualAddress.parse(text);
            } catch (IllegalArgumentException e) {
                throw invalid(key, text, "not an " + family + " address");
            }
            if (a.isIpv4() == ipv6 || text.contains("/") || !a.equals(a.withoutOptions())) {
                throw invalid(key, text, "not an " + family + " address" + (a.isIpv4() == ipv6 ? " (the instance's virtual addresses are "
                        + family + ")" : ""));
            }
            InetAddress address = a.address();
            if (address.isMulticastAddress() || address.isAnyLocalAddress() || address.isLoopbackAddress()) {
                throw invalid(key, text, "not a unicast address");
            }
            return address;
        }

        InvalidSetting invalid(String key, Object value, String why) {
            return new InvalidSetting("VRRP instance " + instance + ": " + key + " = " + value + " rejected: " + why);
        }

        private Object raw(String key, Object fallback) {
            Object value = properties.get(key);
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (fallback == null) {
                    throw invalid(key, "(missing)", "required");
                }
                return fallback;
            }
            return value;
        }

        String string(String key, String fallback) {
            return raw(key, fallback).toString().trim();
        }

        int integer(String key, Integer fallback, int min, int max) {
            Object value = raw(key, fallback);
            int n;
            try {
                n = value instanceof Number num ? num.intValue() : Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, "not a whole number");
            }
            if (n < min || n > max) {
                throw invalid(key, n, "must be " + min + ".." + max);
            }
            return n;
        }

        /** Seconds 0..max to the microsecond, as keepalived reads preempt_delay (rounded there, too). */
        BigDecimal seconds(String key, int max) {
            return seconds(key, max, BigDecimal.ZERO);
        }

        BigDecimal seconds(String key, int max, BigDecimal fallback) {
            Object value = raw(key, fallback);
            BigDecimal s;
            try {
                s = new BigDecimal(value.toString().trim()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
            } catch (NumberFormatException e) {
                throw invalid(key, value, "not a number of seconds");
            }
            if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw invalid(key, value, "must be 0.." + max);
            }
            return s;
        }

        boolean bool(String key, boolean fallback) {
            Object value = raw(key, fallback);
            if (value instanceof Boolean b) {
                return b;
            }
            return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw invalid(key, value, "must be true or false");
            };
        }

        /** A list from a String[], a Collection, or one comma/space separated string. */
        List<String> strings(String key) {
            Object value = raw(key, List.of());
            List<String> out = new ArrayList<>();
            Collection<?> items = value instanceof String[] a ? Arrays.asList(a)
                    : value instanceof Collection<?> c ? c : List.of(value.toString().split("[,\\s]+"));
            for (Object item : items) {
                String s = item.toString().trim();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
