package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/**
 * The Prometheus exporter in a running daemon: nothing listens until it is configured; configured,
 * curl scrapes it from the neighbour's namespace, its values agree with {@code vrrpctl --json
 * vrrp:show}, a state change shows on the next scrape, the textfile is written whole, and a bad
 * address is logged by key and value while VRRP runs on.
 */
public class PrometheusIT extends LabTest {
    private static final String VI_1 = "{instance=\"VI_1\",interface=\"eth0\",vrid=\"51\"}";

    public PrometheusIT() throws Exception {
        super("vrrpd-prometheus");
    }

    @Test
    public void scrapedWithCurlItSaysWhatVrrpShowSaysAndFollowsAStateChange() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        Path textDir = Files.createDirectories(work.resolve("textfile"));
        Path textfile = textDir.resolve("vrrpd.prom");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24"),
                "org.vrrpd.prometheus.cfg", "address = 192.0.2.1\nport = 9650\ntextfile = " + textfile + "\ntextfileInterval = 1\n"));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, "192.0.2.100/24")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));

        // unconfigured, nothing listens
        assertEquals("r2 listens on no TCP port", "", lab.exec(ns2, "ss", "-Htln").check().stdout().strip());

        // scraped from the neighbour, between two JSON snapshots
        String url = "http://192.0.2.1:9650/metrics";
        Path before = json(r1, "--json", "vrrp:show", "VI_1");
        Map<String, Double> m = scrape(ns2, url);
        Path after = json(r1, "--json", "vrrp:show", "VI_1");
        assertEquals(2.0, m.get("vrrpd_instance_state" + VI_1), 0);
        assertEquals(Double.parseDouble(jq(after, ".effectivePriority")), m.get("vrrpd_instance_priority" + VI_1), 0);
        assertEquals(Double.parseDouble(jq(after, ".configuredPriority")), m.get("vrrpd_instance_configured_priority" + VI_1), 0);
        double sent = m.get("vrrpd_instance_adverts_sent_total" + VI_1);
        assertTrue("adverts sent " + sent + " between the two vrrp:show",
                sent >= stat(before, "advertisementsSent") && sent <= stat(after, "advertisementsSent"));
        assertEquals(stat(after, "becomeMaster"), m.get("vrrpd_instance_become_master_total" + VI_1), 0);
        assertEquals(stat(after, "advertisementsReceived"), m.get("vrrpd_instance_adverts_received_total" + VI_1), 0);
        String[][] drops = {{"checksum", "checksumErrors"}, {"version", "versionErrors"}, {"ip_ttl", "ipTtlErrors"},
                {"auth_failure", "authFailures"}, {"advert_interval", "advertisementIntervalErrors"}, {"unknown_peer", "unknownPeers"}};
        for (String[] d : drops) {
            assertEquals(d[0], stat(after, d[1]), m.get("vrrpd_instance_adverts_dropped_total{instance=\"VI_1\",interface=\"eth0\",reason=\""
                    + d[0] + "\",vrid=\"51\"}"), 0);
        }
        assertEquals(0.0, m.get("vrrpd_instance_split_brain" + VI_1), 0);
        assertEquals(Double.parseDouble(jq(json(r1, "--json", "vrrp:list"), ".router.vridErrors")), m.get("vrrpd_router_vrid_errors_total"), 0);
        double transitions = m.get("vrrpd_instance_transitions_total" + VI_1);
        double lastTransition = m.get("vrrpd_instance_last_transition_timestamp_seconds" + VI_1);
        assertTrue("r1 went to MASTER after the exporter started: " + transitions, transitions >= 1);

        // a state change: r2 is given a higher priority, preempts, and r1's next scrape says BACKUP
        r2.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 200, "192.0.2.100/24"));
        r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));
        Map<String, Double> next = scrape(ns2, url);
        assertEquals(1.0, next.get("vrrpd_instance_state" + VI_1), 0);
        assertEquals(transitions + 1, next.get("vrrpd_instance_transitions_total" + VI_1), 0);
        assertTrue("the last transition moved on", next.get("vrrpd_instance_last_transition_timestamp_seconds" + VI_1) > lastTransition);
        double now = System.currentTimeMillis() / 1000.0;
        assertTrue("the last transition is a Unix time in seconds", Math.abs(now - next.get("vrrpd_instance_last_transition_timestamp_seconds" + VI_1)) < 30);

        // the textfile follows within its interval, always whole
        awaitTrue("the textfile says BACKUP", () -> read(textfile).contains("vrrpd_instance_state" + VI_1 + " 1.0\n"), Duration.ofSeconds(5));
        String text = read(textfile);
        for (String line : text.split("\n")) {
            assertTrue("well-formed: " + line, line.startsWith("# HELP vrrpd_") || line.startsWith("# TYPE vrrpd_")
                    || line.matches("vrrpd_[a-z_]+(\\{[a-z]+=\"[^\"]*\"(,[a-z]+=\"[^\"]*\")*\\})? [0-9.E+-]+"));
        }
        try (var files = Files.list(textDir)) {
            assertEquals("no temporary file left", 1, files.count());
        }

        // a bad address is refused by key and value, and VRRP runs on
        r2.writeConfig("org.vrrpd.prometheus.cfg", "address = 203.0.113.9\nport = 9650\n");
        awaitContains("r2 refuses the address", r2::output, Duration.ofSeconds(10),
                "org.vrrpd.prometheus: address = 203.0.113.9 rejected: cannot listen on 203.0.113.9:9650");
        assertEquals("MASTER", r2.state("VI_1"));
        assertEquals("", lab.exec(ns2, "ss", "-Htln").check().stdout().strip());
        assertFalse(r1.output().contains("Exception"));
    }

    /** One scrape with curl from {@code ns}: every sample line as name{labels} → value. */
    private Map<String, Double> scrape(String ns, String url) {
        NetLab.Result r = lab.exec(ns, "curl", "-sSf", "--max-time", "5", url).check();
        Map<String, Double> samples = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        assertTrue(r.stdout(), samples.containsKey("vrrpd_engine_up"));
        return samples;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static double stat(Path show, String counter) {
        return Double.parseDouble(jq(show, ".statistics." + counter));
    }
}
