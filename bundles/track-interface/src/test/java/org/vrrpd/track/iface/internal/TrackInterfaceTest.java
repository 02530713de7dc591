package org.vrrpd.track.iface.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.vrrpd.api.link.LinkSource;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.CheckerContext;

public class TrackInterfaceTest {
    private static TrackInterface tracking(String iface, int weight, boolean reverse) {
        TrackInterface t = new TrackInterface();
        t.activate(new TrackInterfaceConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return TrackInterfaceConfig.class; }
            @Override public String[] vrrp_instance() { return new String[] {"VI_1"}; }
            @Override public String interfaceName() { return iface; }
            @Override public int weight() { return weight; }
            @Override public boolean reverse() { return reverse; }
        });
        return t;
    }

    private static TrackInterface tracking(String iface, int weight) {
        return tracking(iface, weight, false);
    }

    private static LinkStatus link(String name, LinkState state) {
        return new LinkStatus(name, state, LinkSource.ETHTOOL, 1, Instant.EPOCH);
    }

    @Test
    public void aNegativeWeightAppliesWhileTheLinkIsDown() {
        TrackInterface t = tracking("eth1", -60);
        assertEquals(new CheckStatus(0, false, "eth1 is UP"), t.status(Optional.of(link("eth1", LinkState.UP))));
        assertEquals(new CheckStatus(-60, false, "eth1 is DOWN (ETHTOOL)"), t.status(Optional.of(link("eth1", LinkState.DOWN))));
        assertEquals(new CheckStatus(-60, false, "eth1 is not known to the link monitor"), t.status(Optional.empty()));
    }

    @Test
    public void aPositiveWeightAppliesWhileTheLinkIsUp() {
        TrackInterface t = tracking("eth1", 30);
        assertEquals(new CheckStatus(30, false, "eth1 is UP"), t.status(Optional.of(link("eth1", LinkState.UP))));
        assertEquals(new CheckStatus(0, false, "eth1 is DOWN (ETHTOOL)"), t.status(Optional.of(link("eth1", LinkState.DOWN))));
    }

    @Test
    public void reverseSubtractsThePositiveWeightWhileTheLinkIsUp() {
        TrackInterface t = tracking("eth1", 30, true);
        assertEquals(new CheckStatus(-30, false, "eth1 is UP"), t.status(Optional.of(link("eth1", LinkState.UP))));
        assertEquals(new CheckStatus(0, false, "eth1 is DOWN (ETHTOOL)"), t.status(Optional.of(link("eth1", LinkState.DOWN))));
    }

    @Test
    public void withoutAWeightTheInstanceIsForcedToFault() {
        assertEquals(new CheckStatus(0, true, "eth1 is DOWN (ETHTOOL)"), tracking("eth1", 0).status(Optional.of(link("eth1", LinkState.DOWN))));
        assertEquals("reversed: FAULT while up", new CheckStatus(0, true, "eth1 is UP"),
                tracking("eth1", 0, true).status(Optional.of(link("eth1", LinkState.UP))));
    }

    @Test
    public void aWeightOutsideKeepalivedsRangeIsRefusedByName() {
        assertEquals("track-interface eth1: weight = -254 rejected: must be -253..253",
                assertThrows(IllegalArgumentException.class, () -> tracking("eth1", -254)).getMessage());
    }

    @Test
    public void linkChangesOfTheTrackedInterfaceAreReportedToEveryInstance() {
        TrackInterface t = tracking("eth1", -60);
        List<String> reports = new ArrayList<>();
        CheckerContext context = new CheckerContext() {
            @Override public String instanceName() { return "VI_1"; }
            @Override public void report(CheckStatus status) { reports.add(status.reason()); }
        };
        t.start(context); // no link monitor bound: not known
        t.linkChanged(null, link("eth0", LinkState.DOWN)); // another interface
        t.linkChanged(link("eth1", LinkState.UP), link("eth1", LinkState.DOWN));
        t.stop(context);
        t.linkChanged(null, link("eth1", LinkState.UP));
        assertEquals(List.of("eth1 is not known to the link monitor", "eth1 is DOWN (ETHTOOL)"), reports);
    }
}
