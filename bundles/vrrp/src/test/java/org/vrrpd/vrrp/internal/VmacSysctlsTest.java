package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

public class VmacSysctlsTest {
    /** net.ipv4.conf as a map of "iface/key" to value. */
    private static final class Conf implements VmacSysctls.Store {
        final Map<String, String> values = new TreeMap<>();

        Conf(String... ifaceKeyValue) {
            for (int i = 0; i < ifaceKeyValue.length; i += 2) {
                values.put(ifaceKeyValue[i], ifaceKeyValue[i + 1]);
            }
        }

        @Override
        public List<String> interfaces() {
            return values.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().toList();
        }

        @Override
        public String read(String iface, String key) throws IOException {
            String v = values.get(iface + "/" + key);
            if (v == null) {
                throw new IOException("no " + iface + "/" + key);
            }
            return v;
        }

        @Override
        public void write(String iface, String key, String value) {
            values.put(iface + "/" + key, value);
        }
    }

    private static Conf withVmac(Conf conf, String vmac) {
        for (String key : List.of("arp_ignore", "accept_local", "rp_filter", "promote_secondaries")) {
            conf.write(vmac, key, "0");
        }
        conf.write(vmac, "rp_filter", conf.values.get("default/rp_filter"));
        return conf;
    }

    @Test
    public void theVmacAndItsParentGetKeepalivedsValuesAndTheParentsComeBackWithTheLastVmac() {
        Conf conf = new Conf("all/rp_filter", "0", "default/rp_filter", "0", "eth0/arp_ignore", "0", "eth0/arp_filter", "0",
                "eth0/arp_announce", "0", "eth0/rp_filter", "0");
        VmacSysctls sysctls = new VmacSysctls(withVmac(conf, "vrrp.1"));
        sysctls.acquire("eth0", "vrrp.1", null);
        withVmac(conf, "vrrp.2");
        sysctls.acquire("eth0", "vrrp.2", "vrrpd VMAC of VI_2; eth0 had arp_ignore=0 arp_filter=0 arp_announce=0");
        for (String vmac : List.of("vrrp.1", "vrrp.2")) {
            assertEquals("1", conf.values.get(vmac + "/arp_ignore"));
            assertEquals("1", conf.values.get(vmac + "/accept_local"));
            assertEquals("0", conf.values.get(vmac + "/rp_filter"));
            assertEquals("1", conf.values.get(vmac + "/promote_secondaries"));
        }
        assertEquals("1", conf.values.get("eth0/arp_ignore"));
        assertEquals("1", conf.values.get("eth0/arp_filter"));
        assertEquals("2", conf.values.get("eth0/arp_announce"));
        sysctls.release("eth0");
        assertEquals("one VMAC left on eth0", "1", conf.values.get("eth0/arp_ignore"));
        sysctls.release("eth0");
        assertEquals("0", conf.values.get("eth0/arp_ignore"));
        assertEquals("0", conf.values.get("eth0/arp_filter"));
        assertEquals("0", conf.values.get("eth0/arp_announce"));
        sysctls.release("eth0");
        assertEquals("a release too many changes nothing", "0", conf.values.get("eth0/arp_ignore"));
    }

    @Test
    public void aGlobalRpFilterIsMovedToEachInterfaceWhileVmacsExistAndPutBackAfter() {
        Conf conf = new Conf("all/rp_filter", "2", "default/rp_filter", "1", "eth0/rp_filter", "0", "eth1/rp_filter", "2",
                "eth0/arp_ignore", "1", "eth0/arp_filter", "1", "eth0/arp_announce", "2",
                "lo/rp_filter", "0");
        withVmac(conf, "vrrp.1");
        VmacSysctls sysctls = new VmacSysctls(conf);
        sysctls.acquire("eth0", "vrrp.1", null);
        assertEquals("0", conf.values.get("all/rp_filter"));
        assertEquals("2", conf.values.get("default/rp_filter"));
        assertEquals("2", conf.values.get("eth0/rp_filter"));
        assertEquals("2", conf.values.get("eth1/rp_filter"));
        assertEquals("2", conf.values.get("lo/rp_filter"));
        assertEquals("the VMAC alone does not filter", "0", conf.values.get("vrrp.1/rp_filter"));
        sysctls.release("eth0");
        assertEquals("2", conf.values.get("all/rp_filter"));
        assertEquals("1", conf.values.get("default/rp_filter"));
        assertEquals("0", conf.values.get("eth0/rp_filter"));
        assertEquals("0", conf.values.get("lo/rp_filter"));
        assertEquals("already as wanted: not touched", "1", conf.values.get("eth0/arp_ignore"));
    }

    @Test
    public void theParentsValuesTravelInTheAliasSoThatACrashedPredecessorsChangesAreUndone() {
        Conf conf = new Conf("all/rp_filter", "0", "default/rp_filter", "0", "eth0/arp_ignore", "0", "eth0/arp_filter", "0",
                "eth0/arp_announce", "1");
        VmacSysctls first = new VmacSysctls(withVmac(conf, "vrrp.1"));
        String alias = "vrrpd VMAC of VI_1; " + first.originals("eth0");
        assertEquals("vrrpd VMAC of VI_1; eth0 had arp_ignore=0 arp_filter=0 arp_announce=1", alias);
        first.acquire("eth0", "vrrp.1", alias);
        assertEquals("what it had before, not what it has now", "eth0 had arp_ignore=0 arp_filter=0 arp_announce=1", first.originals("eth0"));
        // the daemon dies; the next one reuses vrrp.1 and finds eth0 already changed
        VmacSysctls next = new VmacSysctls(conf);
        next.acquire("eth0", "vrrp.1", alias);
        next.release("eth0");
        assertEquals("0", conf.values.get("eth0/arp_ignore"));
        assertEquals("0", conf.values.get("eth0/arp_filter"));
        assertEquals("1", conf.values.get("eth0/arp_announce"));
    }
}
