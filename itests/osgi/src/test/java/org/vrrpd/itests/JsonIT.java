package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/**
 * {@code vrrpctl --json} for every status command, read back with jq (a real JSON parser) and
 * compared with the state the lab set up and with what the text commands say.
 */
public class JsonIT extends LabTest {
    public JsonIT() throws Exception {
        super("vrrpd-json");
    }

    @Test
    public void everyStatusCommandPrintsJsonThatJqReadsAndThatMatchesTheState() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        lab.exec(ns1, "sysctl", "-q", "-w", "net.ipv6.conf.eth0.disable_ipv6=0").check(); // the lab turns IPv6 off
        lab.exec(ns1, "ip", "addr", "add", "2001:db8:0:0::1/64", "dev", "eth0", "nodad").check();
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24, 192.0.2.101", "authType = pass", "authPassword = secret",
                        "preemptDelay = 1.5")));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, 100, "192.0.2.100/24, 192.0.2.101", "authType = pass", "authPassword = secret")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));

        // vrrp:list
        Path list = json(r1, "--json", "vrrp:list");
        assertEquals("VI_1 eth0 51 MASTER 150 150 192.0.2.1 192.0.2.100/24,192.0.2.101/32",
                jq(list, ".instances[0] | [.name, .interface, .vrid, .state, .configuredPriority, .effectivePriority, .masterAddress,"
                        + " (.virtualAddresses | join(\",\"))] | map(tostring) | join(\" \")"));
        assertEquals("0", jq(list, ".router.unreadableDatagrams"));

        // vrrp:show on the backup, with the timers of priority 100
        awaitTrue("r2 has heard adverts", () -> Long.parseLong(jq(json(r2, "-j", "vrrp:show", "VI_1"), ".statistics.advertisementsReceived")) >= 2,
                Duration.ofSeconds(5));
        Path show = json(r2, "--json", "vrrp:show", "VI_1");
        assertEquals("BACKUP 192.0.2.1 2 pass 100 100 609.375 3609.375 true 0", jq(show, "[.state, .masterAddress, .version, .authType,"
                + " .advertIntervalCentis, .masterAdverIntervalCentis, .skewMillis, .masterDownMillis, .preempt, .preemptDelayMillis]"
                + " | map(tostring) | join(\" \")"));
        assertEquals("multicast 224.0.0.18", jq(show, ".transport | [.mode, .group] | join(\" \")"));
        assertEquals("none none", jq(show, "[(.checks | length), (.faults | length)] | map(if . == 0 then \"none\" else . end) | join(\" \")"));
        assertEquals("every counter vrrp:show prints, and internalErrors", "19", jq(show, ".statistics | length"));
        assertEquals("0 0 0 0", jq(show, ".statistics | [.becomeMaster, .authFailures, .unknownPeers, .splitBrains] | map(tostring) | join(\" \")"));
        Path master = json(r1, "vrrp:show", "--json", "VI_1");
        assertEquals("1 1500 5 5 0 multicast 224.0.0.18", jq(master, "[.statistics.becomeMaster, .preemptDelayMillis, .garpMasterRepeat,"
                + " .garpMasterDelaySeconds, .garpMasterRefreshSeconds, .transport.mode, .transport.group] | map(tostring) | join(\" \")"));
        long sent = Long.parseLong(jq(master, ".statistics.advertisementsSent"));
        String text = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        long textSent = Long.parseLong(text.replaceAll("(?s).*adverts +sent (\\d+),.*", "$1"));
        assertTrue("the text and the JSON count the same adverts: " + sent + " then " + textSent, textSent >= sent && textSent <= sent + 2);

        // iface:list and iface:show: RFC 5952 text, the VIPs as the kernel holds them
        Path ifaces = json(r1, "--json", "iface:list");
        assertEquals("192.0.2.1/24 192.0.2.100/24 192.0.2.101/32 2001:db8::1/64", jq(ifaces, ".interfaces[] | select(.name == \"eth0\")"
                + " | .addresses | map(.address + \"/\" + (.prefixLength | tostring)) | map(select(startswith(\"fe80\") | not)) | sort | join(\" \")"));
        Path eth0 = json(r1, "--json", "iface:show", "eth0");
        assertEquals("eth0 UP true UP true", jq(eth0, "[.name, .operState, any(.flags[]; . == \"UP\"), .link.state,"
                + " (.link.source | IN(\"MII\", \"ETHTOOL\", \"NETLINK\"))] | map(tostring) | join(\" \")"));
        assertEquals("true", jq(eth0, "[.addresses[] | select(.address == \"192.0.2.100\") | .secondary] | .[0]"));

        // link:status and lvs:status
        Path links = json(r1, "--json", "link:status");
        assertEquals("100 UP", jq(links, "[.pollIntervalMillis, (.links[] | select(.interface == \"eth0\") | .state)] | map(tostring) | join(\" \")"));
        Path lvs = json(r1, "--json", "lvs:status");
        assertEquals("false null", jq(lvs, "[.ipvs.available, .syncDaemon] | map(tostring) | join(\" \")"));
        assertTrue(jq(lvs, ".ipvs.unavailableReason"), jq(lvs, ".ipvs.unavailableReason").contains("IPVS"));

        // the text stays as it was
        assertTrue(text, text.startsWith("VI_1: MASTER on eth0, vrid 51, priority 150"));
    }
}
