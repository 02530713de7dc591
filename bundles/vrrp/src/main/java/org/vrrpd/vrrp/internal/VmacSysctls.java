package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel settings a VMAC needs, as keepalived sets them (vrrp_if_config.c): on the macvlan
 * arp_ignore 1, accept_local 1, rp_filter 0, promote_secondaries 1 (they go with it); on its parent
 * arp_ignore 1 and arp_filter 1, so that the parent does not answer ARP for the addresses on the
 * macvlan with its own MAC, and arp_announce 2 (below); and, while net.ipv4.conf.all.rp_filter is on (the effective value is
 * the larger of "all" and the interface's), every interface and "default" raised to it and "all"
 * set to 0, so that only the macvlan stops filtering. What was changed is saved and put back when
 * the last VMAC on a parent, or the last VMAC at all, goes. The parent's values from before also
 * travel in each macvlan's alias ({@link #originals}), so that a daemon that reuses a crashed
 * predecessor's macvlan still puts back what the parent had before any VMAC (the global rp_filter
 * does not survive a crash). VMAC worker thread only.
 */
final class VmacSysctls {
    private static final Logger LOG = LoggerFactory.getLogger(VmacSysctls.class);
    private static final Map<String, String> ON_VMAC = orderedOf("arp_ignore", "1", "accept_local", "1", "rp_filter", "0",
            "promote_secondaries", "1");
    /**
     * arp_announce 2 is ours, not keepalived's: without it the parent's own ARP requests (for a
     * client it answers from a VIP) name the VIP with the parent's MAC, and the client's entry for
     * the VIP leaves the VMAC.
     */
    private static final Map<String, String> ON_PARENT = orderedOf("arp_ignore", "1", "arp_filter", "1", "arp_announce", "2");

    /** /proc/sys/net/ipv4/conf, or a stand-in in tests. */
    interface Store {
        List<String> interfaces() throws IOException;

        String read(String iface, String key) throws IOException;

        void write(String iface, String key, String value) throws IOException;
    }

    /** The real one, in the calling thread's network namespace. */
    static final Store PROC = new Store() {
        private final Path conf = Path.of("/proc/sys/net/ipv4/conf");

        @Override
        public List<String> interfaces() throws IOException {
            try (var dirs = Files.list(conf)) {
                return dirs.map(p -> p.getFileName().toString()).sorted().toList();
            }
        }

        @Override
        public String read(String iface, String key) throws IOException {
            return Files.readString(conf.resolve(iface).resolve(key), StandardCharsets.US_ASCII).trim();
        }

        @Override
        public void write(String iface, String key, String value) throws IOException {
            Files.writeString(conf.resolve(iface).resolve(key), value, StandardCharsets.US_ASCII);
        }
    };

    private final Store store;
    /** VMACs per parent interface. */
    private final Map<String, Integer> users = new HashMap<>();
    /** Per parent, then "rp_filter" for the all/default/raised interfaces: setting (iface/key) → value before. */
    private final Map<String, Map<String, String>> saved = new HashMap<>();
    private int total;

    VmacSysctls(Store store) {
        this.store = store;
    }

    /**
     * The parent's values before any VMAC, as text for a macvlan's alias: "eth0 had arp_ignore=0
     * arp_filter=0 arp_announce=0" (read now when no VMAC of ours is on it yet).
     */
    String originals(String parent) {
        Map<String, String> before = saved.getOrDefault(parent, Map.of());
        StringBuilder text = new StringBuilder(parent).append(" had");
        for (String key : ON_PARENT.keySet()) {
            String value = before.get(parent + "/" + key);
            try {
                text.append(' ').append(key).append('=').append(value != null ? value : store.read(parent, key));
            } catch (IOException e) {
                return "";
            }
        }
        return text.toString();
    }

    /**
     * A VMAC {@code vmac} on {@code parent} is up: set what it needs, saving the parent's and the
     * global values first; {@code alias} is the alias of the macvlan, which may carry the parent's
     * values from before a crashed predecessor changed them ({@link #originals}).
     */
    void acquire(String parent, String vmac, String alias) {
        ON_VMAC.forEach((key, value) -> set(vmac, key, value, null));
        if (users.merge(parent, 1, Integer::sum) == 1) {
            Map<String, String> before = fromAlias(parent, alias);
            ON_PARENT.forEach((key, value) -> set(parent, key, value, before));
            saved.put(parent, before);
        }
        if (total++ == 0) {
            clearRpFilter(vmac);
        }
    }

    /** The VMAC on {@code parent} went: put back what the last one on that parent, and the last one of all, changed. */
    void release(String parent) {
        Integer n = users.get(parent);
        if (n == null) {
            return;
        }
        if (n == 1) {
            users.remove(parent);
            restore(saved.remove(parent));
        } else {
            users.put(parent, n - 1);
        }
        if (--total == 0) {
            restore(saved.remove("rp_filter"));
        }
    }

    /** keepalived's clear_rp_filter: "all" to 0 with nothing filtering less than before, the VMAC excepted. */
    private void clearRpFilter(String vmac) {
        Map<String, String> before = new LinkedHashMap<>();
        saved.put("rp_filter", before);
        try {
            int all = Integer.parseInt(store.read("all", "rp_filter"));
            if (all == 0) {
                return;
            }
            for (String iface : store.interfaces()) {
                if (!iface.equals("all") && !iface.equals(vmac) && Integer.parseInt(store.read(iface, "rp_filter")) < all) {
                    set(iface, "rp_filter", Integer.toString(all), before);
                }
            }
            set("all", "rp_filter", "0", before);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("cannot read net.ipv4.conf.*.rp_filter ({}): the kernel may drop adverts arriving on a VMAC", e.getMessage());
        }
    }

    private static Map<String, String> fromAlias(String parent, String alias) {
        Map<String, String> before = new LinkedHashMap<>();
        int at = alias == null ? -1 : alias.indexOf(parent + " had ");
        if (at >= 0) {
            for (String pair : alias.substring(at + parent.length() + 5).split(" ")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && ON_PARENT.containsKey(kv[0]) && kv[1].matches("\\d+")) {
                    before.put(parent + "/" + kv[0], kv[1]);
                }
            }
        }
        return before;
    }

    /** Sets iface/key, remembering the value before in {@code before} when it changes. */
    private void set(String iface, String key, String value, Map<String, String> before) {
        try {
            String old = store.read(iface, key);
            if (!old.equals(value)) {
                store.write(iface, key, value);
                LOG.info("net.ipv4.conf.{}.{}: {} -> {} (VMAC)", iface, key, old, value);
                if (before != null) {
                    before.putIfAbsent(iface + "/" + key, old); // a value from a predecessor's alias is older
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot set net.ipv4.conf.{}.{} = {} for a VMAC: {}", iface, key, value, e.toString());
        }
    }

    private void restore(Map<String, String> before) {
        if (before == null) {
            return;
        }
        before.forEach((setting, value) -> {
            int slash = setting.lastIndexOf('/');
            String iface = setting.substring(0, slash);
            String key = setting.substring(slash + 1);
            try {
                store.write(iface, key, value);
                LOG.info("net.ipv4.conf.{}.{}: back to {} (no VMAC left)", iface, key, value);
            } catch (IOException e) {
                LOG.debug("net.ipv4.conf.{}.{} not restored to {}: {}", iface, key, value, e.toString()); // the interface went
            }
        });
    }

    private static Map<String, String> orderedOf(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
