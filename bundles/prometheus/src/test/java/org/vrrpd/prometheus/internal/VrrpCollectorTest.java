package org.vrrpd.prometheus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.Test;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.SplitBrainReport;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

public class VrrpCollectorTest {
    private static final String VI_1 = "{instance=\"VI_1\",interface=\"eth0\",vrid=\"51\"}";
    private static final String VI_2 = "{instance=\"VI_2\",interface=\"eth0\",vrid=\"52\"}";

    private final FakeEngine engine = new FakeEngine();
    private final TransitionLog log = new TransitionLog();
    private volatile FakeEngine present = engine;

    private String scrape() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new VrrpCollector(() -> present, log));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.DEFAULT);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void everyInstanceHasItsStatePrioritiesAndCountersLabelledByInstanceInterfaceAndVrid() throws Exception {
        engine.instances = List.of(FakeEngine.view("VI_1", 51, VrrpState.MASTER, 150, 90),
                FakeEngine.view("VI_2", 52, VrrpState.FAULT, 100, 100));
        engine.router = new RouterStatistics(7, 1234);
        String text = scrape();
        assertLine(text, "vrrpd_engine_up 1.0");
        assertLine(text, "vrrpd_instance_state" + VI_1 + " 2.0");
        assertLine(text, "vrrpd_instance_state" + VI_2 + " 3.0");
        assertLine(text, "vrrpd_instance_priority" + VI_1 + " 90.0");
        assertLine(text, "vrrpd_instance_configured_priority" + VI_1 + " 150.0");
        assertLine(text, "vrrpd_instance_adverts_sent_total" + VI_1 + " 1.0");
        assertLine(text, "vrrpd_instance_adverts_received_total" + VI_1 + " 2.0");
        assertLine(text, "vrrpd_instance_become_master_total" + VI_1 + " 3.0");
        assertLine(text, "vrrpd_instance_priority_zero_sent_total" + VI_1 + " 4.0");
        assertLine(text, "vrrpd_instance_priority_zero_received_total" + VI_1 + " 5.0");
        assertLine(text, "vrrpd_instance_address_list_errors_total" + VI_1 + " 11.0");
        assertLine(text, "vrrpd_instance_split_brains_total" + VI_1 + " 18.0");
        assertLine(text, "# TYPE vrrpd_instance_adverts_sent_total counter");
        assertLine(text, "# TYPE vrrpd_instance_state gauge");
        assertLine(text, "vrrpd_router_unreadable_datagrams_total 7.0");
        assertLine(text, "vrrpd_router_vrid_errors_total 1234.0");
    }

    @Test
    public void everyDropCounterHasItsReason() throws Exception {
        engine.instances = List.of(FakeEngine.view("VI_1", 51, VrrpState.BACKUP, 100, 100));
        String text = scrape();
        String[][] reasons = {{"checksum", "6"}, {"version", "7"}, {"invalid_type", "8"}, {"ip_ttl", "9"}, {"packet_length", "10"},
                {"advert_interval", "12"}, {"invalid_auth_type", "13"}, {"auth_type_mismatch", "14"}, {"auth_failure", "15"},
                {"auth_replay", "16"}, {"unknown_peer", "17"}};
        for (String[] r : reasons) {
            assertLine(text, "vrrpd_instance_adverts_dropped_total{instance=\"VI_1\",interface=\"eth0\",reason=\"" + r[0]
                    + "\",vrid=\"51\"} " + r[1] + ".0");
        }
        assertEquals(reasons.length, text.lines().filter(l -> l.startsWith("vrrpd_instance_adverts_dropped_total{")).count());
    }

    @Test
    public void transitionsTheirLastTimeAndTheSplitBrainComeFromTheNotifications() throws Exception {
        engine.instances = List.of(FakeEngine.view("VI_1", 51, VrrpState.MASTER, 150, 150));
        String before = scrape();
        assertLine(before, "vrrpd_instance_transitions_total" + VI_1 + " 0.0");
        assertLine(before, "vrrpd_instance_last_transition_timestamp_seconds" + VI_1 + " 0.0");
        assertLine(before, "vrrpd_instance_split_brain" + VI_1 + " 0.0");

        log.stateChanged(new StateChange("VI_1", 51, VrrpState.INITIALIZE, VrrpState.BACKUP, 150, "startup", Instant.ofEpochMilli(1_000_000_000_000L)));
        log.stateChanged(new StateChange("VI_1", 51, VrrpState.BACKUP, VrrpState.MASTER, 150, "master down", Instant.ofEpochMilli(1_000_000_003_609L)));
        log.splitBrain(new SplitBrainReport("VI_1", 51, InetAddress.getByName("192.0.2.2"), "lower priority 100", true, Instant.now()));
        String after = scrape();
        assertLine(after, "vrrpd_instance_transitions_total" + VI_1 + " 2.0");
        assertLine(after, "vrrpd_instance_last_transition_timestamp_seconds" + VI_1 + " 1.000000003609E9");
        assertLine(after, "vrrpd_instance_split_brain" + VI_1 + " 1.0");

        log.splitBrain(new SplitBrainReport("VI_1", 51, InetAddress.getByName("192.0.2.2"), "lower priority 100", false, Instant.now()));
        assertLine(scrape(), "vrrpd_instance_split_brain" + VI_1 + " 0.0");
    }

    @Test
    public void withoutTheEngineOnlyTheUpGaugeIsThere() throws Exception {
        present = null;
        String text = scrape();
        assertLine(text, "vrrpd_engine_up 0.0");
        assertFalse(text, text.contains("vrrpd_instance_"));
    }

    private static void assertLine(String text, String line) {
        assertTrue("no line '" + line + "' in:\n" + text, text.lines().anyMatch(line::equals));
    }
}
