package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.api.vrrp.VrrpStatistics;

public class InstanceJsonTest {
    private static final VrrpStatistics COUNTERS = new VrrpStatistics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);

    private static InstanceSnapshot snapshot(Map<String, String> extra) throws Exception {
        Map<String, Object> cfg = new java.util.HashMap<>(Map.of("name", "VI_\"1", "interfaceName", "eth0", "vrid", "51", "priority", "100",
                "virtualAddresses", "192.0.2.100/24"));
        cfg.putAll(extra);
        InstanceSettings settings = InstanceSettings.parse(cfg);
        VrrpInstanceView view = new VrrpInstanceView(settings.name(), "eth0", 51, VrrpState.BACKUP, 100, 90,
                InetAddress.getByName("192.0.2.1"), settings.virtualAddresses(), COUNTERS);
        return new InstanceSnapshot(view, settings, 100, 609_375_000L, 3_609_375_000L, 1_609_375_000L, List.of("fault \"a\""), List.of(),
                null, 42, java.util.OptionalLong.empty(), "with 192.0.2.1 for 3 s: lower priority 90");
    }

    @Test
    public void showHasEveryCounterUnderItsApiNameAndTheTimersInMilliseconds() throws Exception {
        String json = InstanceJson.show(snapshot(Map.of()));
        for (RecordComponent counter : VrrpStatistics.class.getRecordComponents()) {
            assertTrue(counter.getName() + " in\n" + json, json.contains("\"" + counter.getName() + "\": "));
        }
        for (String member : List.of("\"name\": \"VI_\\\"1\"", "\"effectivePriority\": 90", "\"configuredPriority\": 100",
                "\"masterAddress\": \"192.0.2.1\"", "\"virtualAddresses\": [\n    \"192.0.2.100/24\"\n  ]", "\"skewMillis\": 609.375",
                "\"masterDownMillis\": 3609.375", "\"firstListenMillis\": null", "\"advertIntervalCentis\": 100", "\"internalErrors\": 42",
                "\"unknownPeers\": 17", "\"faults\": [\n    \"fault \\\"a\\\"\"\n  ]", "\"checks\": []", "\"mode\": \"multicast\"",
                "\"addressTrouble\": null", "\"syncGroup\": null", "\"splitBrains\": 18",
                "\"splitBrain\": \"with 192.0.2.1 for 3 s: lower priority 90\"", "\"addressLeaseSeconds\": 5")) {
            assertTrue(member + " in\n" + json, json.contains(member));
        }
    }

    @Test
    public void showsUnicastPeersWithTheirTtlBounds() throws Exception {
        String json = InstanceJson.show(snapshot(Map.of("unicastPeers", "198.51.100.2@254-255", "unicastSource", "192.0.2.1",
                "initialState", "MASTER", "version", "3", "advertInterval", "0.5")));
        for (String member : List.of("\"mode\": \"unicast\"", "\"source\": \"192.0.2.1\"", "\"address\": \"198.51.100.2\"",
                "\"minTtl\": 254", "\"maxTtl\": 255", "\"firstListenMillis\": 1609.375", "\"version\": 3", "\"advertIntervalCentis\": 50",
                "\"initialState\": \"MASTER\"")) {
            assertTrue(member + " in\n" + json, json.contains(member));
        }
    }

    @Test
    public void listHasTheRouterCounters() throws Exception {
        String json = InstanceJson.list(List.of(snapshot(Map.of())), new RouterStatistics(3, 4));
        assertTrue(json, json.contains("\"unreadableDatagrams\": 3") && json.contains("\"vridErrors\": 4") && json.contains("\"vrid\": 51"));
        for (String member : List.of("\"version\": 2", "\"family\": \"IPv4\"", "\"masterAdverIntervalCentis\": 100")) {
            assertTrue(member + " in\n" + json, json.contains(member));
        }
    }

    @Test
    public void anIpv6InstanceShowsItsFamilyGroupAndLinkLocalMasterInRfc5952Form() throws Exception {
        Map<String, Object> cfg = new java.util.HashMap<>(Map.of("name", "V6", "interfaceName", "eth0", "vrid", 51, "version", 3,
                "virtualAddresses", "2001:db8::100/64"));
        InstanceSettings settings = InstanceSettings.parse(cfg);
        VrrpInstanceView view = new VrrpInstanceView("V6", "eth0", 51, VrrpState.BACKUP, 100, 100,
                InetAddress.getByName("fe80::cc99:64ff:fed7:3691"), settings.virtualAddresses(), COUNTERS);
        String json = InstanceJson.show(new InstanceSnapshot(view, settings, 10, 0, 0, 0, List.of(), List.of(), null, 0,
                java.util.OptionalLong.empty(), null));
        for (String member : List.of("\"family\": \"IPv6\"", "\"version\": 3", "\"group\": \"ff02::12\"",
                "\"masterAddress\": \"fe80::cc99:64ff:fed7:3691\"", "\"masterAdverIntervalCentis\": 10", "\"2001:db8::100/64\"")) {
            assertTrue(member + " in\n" + json, json.contains(member));
        }
    }

    @Test
    public void anIpv6UnicastInstanceShowsItsPeersSourceAndHopLimit() throws Exception {
        InstanceSettings settings = InstanceSettings.parse(Map.of("name", "V6", "interfaceName", "eth0", "vrid", 51, "version", 3,
                "virtualAddresses", "2001:db8::100/64", "unicastPeers", "2001:DB8:1::2@254-255, fe80::2", "unicastTtl", 254));
        VrrpInstanceView view = new VrrpInstanceView("V6", "eth0", 51, VrrpState.BACKUP, 100, 100, InetAddress.getByName("2001:db8:1::2"),
                settings.virtualAddresses(), COUNTERS);
        String json = InstanceJson.show(new InstanceSnapshot(view, settings, 10, 0, 0, 0, List.of(), List.of(), null, 0,
                java.util.OptionalLong.empty(), null));
        for (String member : List.of("\"mode\": \"unicast\"", "\"source\": null", "\"ttl\": 254", "\"address\": \"2001:db8:1::2\"",
                "\"minTtl\": 254", "\"address\": \"fe80::2\"", "\"masterAddress\": \"2001:db8:1::2\"")) {
            assertTrue(member + " in\n" + json, json.contains(member));
        }
        assertEquals("unicast to 2001:db8:1::2 (hop limit 254..255), fe80::2 from the link-local address, hop limit 254; 3 adverts from others dropped",
                VrrpCommands.transport(settings, 3));
    }
}
