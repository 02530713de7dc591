package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.Ipv4;

/** The instance on a hand-driven clock: RFC 3768 timing and preemption, without a network. */
public class VrrpInstanceTest {
    private static final long MS = 1_000_000L;
    private static final int US = Ipv4.parse("192.0.2.1");
    private static final int LOWER = Ipv4.parse("192.0.2.0");
    private static final int HIGHER = Ipv4.parse("192.0.2.2");

    /** The host: records what the instance asks for and runs its timers on a fake clock. */
    private final class FakeHost implements InstanceEffects, Timers {
        final TimerHeap heap = new TimerHeap();
        long now;
        final List<String> log = new ArrayList<>();
        /** keepalived's notify_priority_changes and MASTER_RX_LOWER_PRI events, apart from the log the other tests compare. */
        final List<String> events = new ArrayList<>();

        void advance(long nanos) {
            long end = now + nanos;
            while (heap.nextDeadline() <= end) {
                now = heap.nextDeadline();
                heap.fireDue(now, e -> {
                    throw e;
                });
            }
            now = end;
        }

        @Override public Timers timers() { return this; }
        @Override public long now() { return now; }
        @Override public void schedule(TimerHeap.Timer t, long delay) { heap.schedule(t, now + delay); }
        @Override public void cancel(TimerHeap.Timer t) { heap.cancel(t); }
        @Override public void sendAdvert(VrrpInstance i, int priority) { log.add(at() + "advert " + priority); i.advert(priority, US, null); }
        @Override public void addVips(VrrpInstance i) { log.add(at() + "add vips"); }
        @Override public void removeVips(VrrpInstance i) { log.add(at() + "remove vips"); }
        @Override public void sendGarps(VrrpInstance i, int count) { log.add(at() + "garp x" + count); }
        @Override public long primaryAddress(VrrpInstance i) { return US; }
        @Override public void stateChanged(VrrpInstance i, VrrpState from, String reason) { log.add(at() + from + " -> " + i.state()); }
        @Override public void priorityChanged(VrrpInstance i, int from) { events.add(at() + i.state() + " priority " + from + " -> " + i.priority()); }
        @Override public void lowerPriorityHeard(VrrpInstance i, int priority, long sourceHigh, long source) {
            events.add(at() + "lower " + priority + " from " + Ipv4.toString((int) source) + ", ours " + i.priority());
        }
        @Override public void splitBrainChanged(VrrpInstance i, boolean active) {
            log.add(at() + "split brain " + (active ? "with " + Ipv4.toString((int) i.splitBrain.otherMaster()) + ": " + i.splitBrain.reason() : "over"));
        }

        private String at() {
            return now / MS + " ms: ";
        }
    }


    private static final FaultCause CHECKER_SAYS_NO = FaultCause.checker("x", "says no");
    private FakeHost host;

    @Before
    public void host() {
        host = new FakeHost();
    }

    private VrrpInstance instance(int priority, Object... extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "VI_1");
        p.put("interfaceName", "eth0");
        p.put("vrid", 51);
        p.put("priority", priority);
        p.put("virtualAddresses", "192.0.2.100/24");
        for (int i = 0; i < extra.length; i += 2) {
            p.put((String) extra[i], extra[i + 1]);
        }
        VrrpInstance instance = new VrrpInstance(host, InstanceSettings.parse(p));
        instance.setAuth(NoAuth.SESSION);
        return instance;
    }

    /** keepalived's vrrp_startup_delay: counted from the engine's start; a cancelled instance never starts; a hand-over skips it. */
    @Test
    public void aStartupDelayHoldsTheInstanceInInitializeUntilItEnds() {
        StartupDelay delay = new StartupDelay(host);
        host.advance(1000 * MS);
        VrrpInstance i = instance(100, "startupDelay", "2.5");
        delay.start(i);
        host.advance(1499 * MS);
        assertEquals(VrrpState.INITIALIZE, i.state());
        host.advance(1 * MS);
        assertEquals(VrrpState.BACKUP, i.state());
        VrrpInstance gone = instance(100, "startupDelay", "5", "name", "VI_2");
        delay.start(gone);
        delay.cancel("VI_2");
        host.advance(10_000 * MS);
        assertEquals(VrrpState.INITIALIZE, gone.state());
        StartupDelay afterHandOver = new StartupDelay(host);
        afterHandOver.handedOver();
        VrrpInstance resumed = instance(100, "startupDelay", "5", "name", "VI_3");
        afterHandOver.start(resumed);
        assertEquals(VrrpState.BACKUP, resumed.state());
    }

    /** keepalived's vrrp_garp_interval: an interface's ARPs leave one per interval; those of an instance no longer master are dropped. */
    @Test
    public void aGarpIntervalSpacesTheArpsOfAnInterface() {
        List<String> sent = new ArrayList<>();
        GarpPacer pacer = new GarpPacer(host, (s, a) -> sent.add(host.now / MS + " ms: " + a));
        VrrpInstance i = instance(255, "garpInterval", "0.5", "virtualAddresses", "192.0.2.100/24, 192.0.2.101/24");
        i.start();
        i.settings().virtualAddresses().forEach(a -> pacer.queue(i, a));
        pacer.queue(i, i.settings().virtualAddresses().get(0));
        host.advance(2000 * MS);
        assertEquals(List.of("0 ms: 192.0.2.100/24", "500 ms: 192.0.2.101/24", "1000 ms: 192.0.2.100/24"), sent);
        i.settings().virtualAddresses().forEach(a -> pacer.queue(i, a));
        i.stop();
        host.advance(2000 * MS);
        assertEquals("the first leaves at once, the second after the instance stopped: dropped", 4, sent.size());
    }

    /** keepalived's vrrp_gna_interval: Neighbor Advertisements have a line and an interval of their own; garpInterval paces ARPs only. */
    @Test
    public void aGnaIntervalSpacesTheNeighborAdvertisementsApartFromTheArps() {
        List<String> sent = new ArrayList<>();
        GarpPacer pacer = new GarpPacer(host, (s, a) -> sent.add(host.now / MS + " ms: " + a));
        VrrpInstance i = instance(255, "garpInterval", "0.5", "gnaInterval", "0.2", "virtualAddresses", "192.0.2.100/24, 192.0.2.101/24",
                "excludedAddresses", "2001:db8::100/64, 2001:db8::101/64");
        i.start();
        for (int burst = 0; burst < 2; burst++) {
            i.settings().managedAddresses().forEach(a -> pacer.queue(i, a));
        }
        host.advance(2000 * MS);
        assertEquals(List.of("0 ms: 192.0.2.100/24", "0 ms: 2001:db8::100/64", "200 ms: 2001:db8::101/64", "400 ms: 2001:db8::100/64",
                "500 ms: 192.0.2.101/24", "600 ms: 2001:db8::101/64", "1000 ms: 192.0.2.100/24", "1500 ms: 192.0.2.101/24"), sent);
        sent.clear();
        VrrpInstance arpsOnly = instance(255, "name", "VI_2", "garpInterval", "0.5", "excludedAddresses", "2001:db8::100/64, 2001:db8::101/64");
        arpsOnly.start();
        arpsOnly.settings().excludedAddresses().forEach(a -> pacer.queue(arpsOnly, a));
        assertEquals("without gnaInterval the NAs leave back to back", List.of("2000 ms: 2001:db8::100/64", "2000 ms: 2001:db8::101/64"), sent);
    }

    /** keepalived's garp_master_refresh_repeat: the delayed burst has garpMasterRepeat, each refresh garpMasterRefreshRepeat. */
    @Test
    public void refreshBurstsHaveTheirOwnRepeat() {
        VrrpInstance i = instance(255, "garpMasterDelay", 2, "garpMasterRefresh", 3, "garpMasterRefreshRepeat", 2);
        i.start();
        host.advance(8000 * MS);
        assertEquals(List.of("0 ms: garp x5", "2000 ms: garp x5", "5000 ms: garp x2", "8000 ms: garp x2"),
                host.log.stream().filter(l -> l.contains("garp")).toList());
    }

    @Test
    public void aLoneBackupBecomesMasterAfterMasterDownInterval() {
        VrrpInstance i = instance(100);
        i.start();
        assertEquals(VrrpState.BACKUP, i.state());
        host.advance(3609 * MS);
        assertEquals("MDI(100) = 3.609375 s", VrrpState.BACKUP, i.state());
        host.advance(1 * MS);
        assertEquals(VrrpState.MASTER, i.state());
        assertEquals(List.of("0 ms: remove vips", "0 ms: INITIALIZE -> BACKUP", "3609 ms: advert 100", "3609 ms: add vips",
                "3609 ms: garp x5", "3609 ms: BACKUP -> MASTER"), host.log);
        host.advance(5000 * MS);
        // Timers due at the same instant fire in no particular order: compare as a set. The adverts after the
        // first are on a 10 ms grid instant, the last of the five after the interval when no other master's is
        // there (GridPlacement), so 1.040625 s after it; the GARPs 5 s after it.
        assertEquals("an advert every second, and the second GARP burst after 5 s", java.util.Set.of("4650 ms: advert 100",
                "5650 ms: advert 100", "6650 ms: advert 100", "7650 ms: advert 100", "8609 ms: garp x5"),
                java.util.Set.copyOf(host.log.subList(6, host.log.size())));
        assertEquals(1, i.counters.becomeMaster);
    }

    @Test
    public void initialStateMasterListensOneIntervalPlusSkew() {
        VrrpInstance i = instance(150, "initialState", "MASTER");
        i.start();
        host.advance(1414 * MS);
        assertEquals("1 s + Skew(150) = 1.4140625 s", VrrpState.BACKUP, i.state());
        host.advance(1 * MS);
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void initialStateMasterStillDefersToAMasterItHears() {
        VrrpInstance i = instance(100, "initialState", "MASTER");
        i.start();
        advertsFor(i, 5, 150, HIGHER);
        assertEquals("a preferred master's advert restarts the full Master_Down_Interval", VrrpState.BACKUP, i.state());
    }

    @Test
    public void aHandedOverMasterCarriesOnWithoutATransition() {
        VrrpInstance i = instance(150);
        i.resume(VrrpState.MASTER);
        assertEquals(VrrpState.MASTER, i.state());
        assertEquals(US, i.masterAddress());
        host.advance(2000 * MS);
        assertEquals("no state change is reported and no GARP burst sent", List.of("0 ms: add vips", "0 ms: advert 150",
                "1000 ms: advert 150", "2000 ms: advert 150"), host.log);
        assertEquals(0, i.counters.becomeMaster);
    }

    @Test
    public void aHandedOverBackupWaitsAWholeMasterDownInterval() {
        VrrpInstance i = instance(100);
        i.resume(VrrpState.BACKUP);
        host.advance(3609 * MS);
        assertEquals(VrrpState.BACKUP, i.state());
        host.advance(1 * MS);
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void aParkedInstanceFallsSilent() {
        VrrpInstance i = master(150);
        i.park();
        host.advance(10_000 * MS);
        assertEquals("no advert, no priority 0, no VIP removal", List.of(), host.log);
    }

    @Test
    public void checkerWeightsChangeTheAdvertisedPriorityWithoutATransition() {
        VrrpInstance i = master(150);
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(-60, false, "eth1 is DOWN"));
        i.checks.report("b", "track-script", new org.vrrpd.api.spi.CheckStatus(+10, false, "ok"));
        i.applyChecks();
        assertEquals(100, i.priority());
        host.advance(1000 * MS);
        assertEquals("its next advert, on the 10 ms grid (the last instant of its window)", List.of("4460 ms: advert 100"), host.log);
        assertEquals(VrrpState.MASTER, i.state());
        assertEquals(List.of("track eth1 -60 (eth1 is DOWN)", "track-script +10 (ok)"), i.checks.describe());
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(-300, false, "worse"));
        i.applyChecks();
        assertEquals("never below 1", 1, i.priority());
    }

    /** keepalived's vrrp_set_effective_priority: an event on each change of the effective priority, none when it stays (clamped, an owner). */
    @Test
    public void eachChangeOfTheEffectivePriorityIsAnEvent() {
        VrrpInstance i = master(150);
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(-60, false, "eth1 is DOWN"));
        i.applyChecks();
        i.checks.report("b", "track-script", new org.vrrpd.api.spi.CheckStatus(+60, false, "ok"));
        i.applyChecks();
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(-300, false, "worse"));
        i.applyChecks();
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(-400, false, "still clamped to 1"));
        i.applyChecks();
        assertEquals(List.of("4000 ms: MASTER priority 150 -> 90", "4000 ms: MASTER priority 90 -> 150", "4000 ms: MASTER priority 150 -> 1"),
                host.events);
        VrrpInstance owner = instance(255, "name", "VI_2");
        owner.checks.report("a", "x", new org.vrrpd.api.spi.CheckStatus(-50, false, "weight"));
        owner.applyChecks();
        assertEquals("an owner's stays 255", 3, host.events.size());
    }

    @Test
    public void aCheckerForcingFaultFaultsAndItsClearingRecovers() {
        VrrpInstance i = master(150);
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(0, true, "eth1 is DOWN"));
        i.applyChecks();
        assertEquals(VrrpState.FAULT, i.state());
        assertEquals(List.of("checker track eth1: eth1 is DOWN"), i.faults().describe());
        i.checks.report("a", "track eth1", new org.vrrpd.api.spi.CheckStatus(0, true, "eth1 has no carrier"));
        i.applyChecks();
        assertEquals("a new reason is no recovery", List.of("4000 ms: MASTER -> FAULT"), host.log.stream().filter(l -> l.contains("->")).toList());
        i.checks.remove("a");
        i.applyChecks();
        assertEquals(VrrpState.BACKUP, i.state());
    }

    @Test
    public void anOwnerKeepsPriority255() {
        VrrpInstance i = instance(255);
        i.checks.report("a", "x", new org.vrrpd.api.spi.CheckStatus(-50, false, "weight"));
        i.applyChecks();
        assertEquals(255, i.priority());
    }

    @Test
    public void aSyncGroupMemberFollowsItsPeers() {
        VrrpInstance i = instance(150, "syncGroup", "VG_1");
        i.start();
        SyncGroups.follow(i, "VI_2", VrrpState.BACKUP, VrrpState.MASTER);
        assertEquals("a peer became master: so does this one", VrrpState.MASTER, i.state());
        SyncGroups.follow(i, "VI_2", VrrpState.MASTER, VrrpState.FAULT);
        assertEquals(VrrpState.FAULT, i.state());
        assertEquals(false, i.faultedByItself());
        i.setInterfaceFault("link down on eth0");
        assertTrue(i.faultedByItself());
        i.setInterfaceFault(null);
        SyncGroups.follow(i, "VI_2", VrrpState.FAULT, VrrpState.BACKUP);
        assertEquals("the peer left FAULT: so does this one", VrrpState.BACKUP, i.state());
        SyncGroups.follow(i, "VI_2", VrrpState.BACKUP, VrrpState.MASTER);
        SyncGroups.follow(i, "VI_2", VrrpState.MASTER, VrrpState.BACKUP);
        assertEquals(VrrpState.BACKUP, i.state());
    }

    /** Delivers an advert every second for {@code seconds}. */
    private void advertsFor(VrrpInstance i, int seconds, int priority, int source) {
        for (int k = 0; k < seconds; k++) {
            i.advertReceived(priority, 0, source, 100, false);
            host.advance(1000 * MS);
        }
    }

    private VrrpInstance master(int priority, Object... extra) {
        VrrpInstance i = instance(priority, extra);
        i.start();
        host.advance(4000 * MS);
        assertEquals(VrrpState.MASTER, i.state());
        host.log.clear();
        return i;
    }

    @Test
    public void aVersion3BackupLearnsTheMastersIntervalAndWaitsItsMasterDownInterval() {
        VrrpInstance i = instance(100, "version", 3, "authType", "none");
        i.start();
        for (int k = 0; k < 10; k++) {
            i.advertReceived(150, 0, HIGHER, 10, false); // a master advertising every 0.1 s
            host.advance(100 * MS);
        }
        assertEquals(10, i.masterAdverCentis());
        assertEquals("3 x 0.1 + 156 x 0.1 / 256 = 0.361 s", 360_937_500L, i.masterDownNanos());
        host.advance(260 * MS); // 0.36 s since the last advert
        assertEquals(VrrpState.BACKUP, i.state());
        host.advance(1 * MS);
        assertEquals(VrrpState.MASTER, i.state());
        assertEquals("as master it advertises its own interval again", 100, i.masterAdverCentis());
    }

    @Test
    public void aVersion3MasterAdvertisesEveryCentisecondInterval() {
        VrrpInstance i = instance(255, "version", 3, "authType", "none", "advertInterval", "0.05");
        i.start();
        host.log.clear();
        host.advance(200 * MS);
        assertEquals(List.of("50 ms: advert 255", "100 ms: advert 255", "150 ms: advert 255", "200 ms: advert 255"), host.log);
    }

    @Test
    public void advertsFromAPreferredMasterKeepABackupWaiting() {
        VrrpInstance i = instance(100);
        i.start();
        advertsFor(i, 10, 150, HIGHER);
        assertEquals(VrrpState.BACKUP, i.state());
        assertEquals(HIGHER, i.masterAddress());
        host.advance(3608 * MS); // last advert 1 s ago: 2.609 s more reaches MDI
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void aResigningMasterIsReplacedAfterSkewTime() {
        VrrpInstance i = instance(100);
        i.start();
        advertsFor(i, 3, 150, HIGHER);
        i.advertReceived(0, 0, HIGHER, 100, false);
        host.advance(609 * MS);
        assertEquals(VrrpState.BACKUP, i.state());
        host.advance(1 * MS);
        assertEquals("Skew_Time(100) = 609.375 ms", VrrpState.MASTER, i.state());
        assertEquals(1, i.counters.priorityZeroReceived);
    }

    @Test
    public void aHigherPriorityBackupPreemptsALowerMasterAfterItsOwnMasterDownInterval() {
        VrrpInstance i = instance(150);
        i.start();
        long start = host.now;
        while (i.state() == VrrpState.BACKUP) {
            i.advertReceived(100, 0, HIGHER, 100, false);
            host.advance(100 * MS);
        }
        assertEquals("lower adverts are discarded: MDI(150) = 3.414 s", 3500 * MS, host.now - start);
    }

    @Test
    public void withoutPreemptionALowerMasterIsLeftInPlace() {
        VrrpInstance i = instance(150, "preempt", "false");
        i.start();
        advertsFor(i, 20, 100, HIGHER);
        assertEquals(VrrpState.BACKUP, i.state());
    }

    @Test
    public void preemptDelayHoldsBackPreemptionAfterStartup() {
        VrrpInstance i = instance(150, "preemptDelay", 10);
        i.start();
        advertsFor(i, 10, 100, HIGHER);
        assertEquals("still within the 10 s delay", VrrpState.BACKUP, i.state());
        advertsFor(i, 4, 100, HIGHER);
        assertEquals("after the delay the lower master is preempted", VrrpState.MASTER, i.state());
    }

    @Test
    public void aFractionalPreemptDelayEndsBetweenTwoAdverts() {
        assertEquals("the 3 s advert is past 2.5 s and no longer holds it back", VrrpState.MASTER, afterLowerAdvertsFor4Seconds("2.5"));
        assertEquals("the 3 s advert is within 3.5 s and restarts its Master_Down_Interval", VrrpState.BACKUP, afterLowerAdvertsFor4Seconds("3.5"));
    }

    /** A lower master advertising at 0, 1, 2 and 3 s; the state at 5.5 s (the Master_Down_Interval is 3.41 s). */
    private VrrpState afterLowerAdvertsFor4Seconds(String preemptDelay) {
        host.log.clear();
        VrrpInstance i = instance(150, "preemptDelay", preemptDelay);
        i.start();
        advertsFor(i, 4, 100, HIGHER);
        host.advance(1500 * MS);
        return i.state();
    }

    @Test
    public void aMasterStepsDownOnlyForAPreferredAdvert() {
        VrrpInstance i = master(100);
        i.advertReceived(50, 0, HIGHER, 100, false);
        i.advertReceived(100, 0, LOWER, 100, false);
        assertEquals("lower priority, or equal from a lower address: it stays master", VrrpState.MASTER, i.state());
        i.advertReceived(100, 0, HIGHER, 100, false);
        assertEquals("equal priority from a higher address wins", VrrpState.BACKUP, i.state());
        assertEquals("it answered the lower masters as keepalived does (an advert, gratuitous ARPs; once per interval), then yielded",
                List.of("4000 ms: split brain with 192.0.2.2: lower priority 50", "4000 ms: advert 100", "4000 ms: garp x5",
                        "4000 ms: remove vips", "4000 ms: split brain over",
                        "4000 ms: MASTER -> BACKUP"), host.log);
        assertEquals(HIGHER, i.masterAddress());
    }

    /** keepalived's MASTER_RX_LOWER_PRI: every advert a master does not yield to, none that it yields to or that a backup hears. */
    @Test
    public void aMasterHearingALowerAdvertSaysSoEachTime() {
        VrrpInstance i = master(100);
        i.advertReceived(50, 0, HIGHER, 100, false);
        i.advertReceived(100, 0, LOWER, 100, false);
        i.advertReceived(0, 0, LOWER, 100, false);
        i.advertReceived(100, 0, HIGHER, 100, false);
        i.advertReceived(50, 0, HIGHER, 100, false);
        assertEquals(List.of("4000 ms: lower 50 from 192.0.2.2, ours 100", "4000 ms: lower 100 from 192.0.2.0, ours 100"), host.events);
    }

    @Test
    public void aSplitBrainEndsAMasterDownIntervalAfterTheOtherFellSilent() {
        VrrpInstance i = master(150, "garpLowerPrioRepeat", 0);
        i.advertReceived(100, 0, LOWER, 100, true);
        assertEquals(List.of("4000 ms: split brain with 192.0.2.0: lower priority 100, and its address list differs from ours",
                "4000 ms: advert 150"), host.log);
        host.log.clear();
        host.advance(2000 * MS);
        i.advertReceived(100, 0, LOWER, 100, false);
        assertTrue("one episode goes on: " + host.log, host.log.stream().noneMatch(l -> l.contains("split brain")));
        host.advance(4500 * MS); // MDI(150) = 3.414 s since the last one (9.414 s): over at the advert timer after it (9.460 s)
        assertTrue(host.log.toString(), host.log.contains("9460 ms: split brain over"));
        assertEquals(1, i.splitBrain.episodes());
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void aDroppedAdvertFromAnotherMasterIsASplitBrainToo() {
        VrrpInstance i = master(150);
        i.otherMasterHeard(0, LOWER, "its adverts fail authentication");
        assertEquals(List.of("4000 ms: split brain with 192.0.2.0: its adverts fail authentication"), host.log);
        VrrpInstance backup = instance(100);
        backup.start();
        backup.otherMasterHeard(0, HIGHER, "its adverts fail authentication");
        assertEquals("a backup has no split brain", 0, backup.splitBrain.episodes());
    }

    @Test
    public void higherPrioSendAdvertAnswersBeforeYielding() {
        VrrpInstance i = master(100, "higherPrioSendAdvert", true);
        i.advertReceived(150, 0, HIGHER, 100, false);
        assertEquals(List.of("4000 ms: advert 100", "4000 ms: remove vips", "4000 ms: MASTER -> BACKUP"), host.log);
    }

    @Test
    public void aMasterAnswersAResigningPeerWithAnAdvert() {
        VrrpInstance i = master(100);
        i.advertReceived(0, 0, HIGHER, 100, false);
        assertEquals(List.of("4000 ms: advert 100"), host.log);
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void faultsHoldTheInstanceUntilEveryCauseClears() {
        VrrpInstance i = master(100);
        i.setInterfaceFault("link down on eth0");
        assertEquals(VrrpState.FAULT, i.state());
        assertEquals(List.of("4000 ms: advert 0", "4000 ms: remove vips", "4000 ms: MASTER -> FAULT"), host.log);
        i.fault(CHECKER_SAYS_NO, true);
        i.setInterfaceFault(null);
        assertEquals(VrrpState.FAULT, i.state());
        host.advance(10_000 * MS);
        assertTrue("no adverts while faulted", host.log.stream().noneMatch(l -> l.contains("advert 100")));
        host.log.clear();
        i.fault(CHECKER_SAYS_NO, false);
        assertEquals(VrrpState.BACKUP, i.state());
        assertEquals("a recovered backup makes sure it holds no VIP, as a fault may have kept it from removing them",
                List.of("14000 ms: remove vips", "14000 ms: FAULT -> BACKUP"), host.log);
        host.advance(3610 * MS);
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void anInterfaceFaultChangingReasonDoesNotRecoverInBetween() {
        VrrpInstance i = master(100);
        i.setInterfaceFault("interface eth0 is down");
        i.setInterfaceFault("interface eth0 does not exist");
        assertEquals(VrrpState.FAULT, i.state());
        assertEquals(List.of("interface eth0 does not exist"), i.faults().describe());
        i.setInterfaceFault(null);
        assertEquals(VrrpState.BACKUP, i.state());
    }

    @Test
    public void theAddressOwnerStartsAsMasterAndIgnoresAdverts() {
        VrrpInstance i = instance(255);
        i.start();
        assertEquals(VrrpState.MASTER, i.state());
        i.advertReceived(254, 0, HIGHER, 100, false);
        assertEquals(VrrpState.MASTER, i.state());
    }

    @Test
    public void aMasterThatStopsResignsWithPriorityZero() {
        VrrpInstance i = master(100);
        i.stop();
        assertEquals(VrrpState.INITIALIZE, i.state());
        assertEquals(List.of("4000 ms: advert 0", "4000 ms: remove vips", "4000 ms: MASTER -> INITIALIZE"), host.log);
        host.advance(5000 * MS);
        assertEquals("timers are gone", 3, host.log.size());
    }

    @Test
    public void theAdvertBufferIsReusedAndValid() {
        VrrpInstance i = instance(100);
        ByteBuffer first = i.advert(100, US, null);
        ByteBuffer second = i.advert(0, US, null);
        assertTrue("one buffer for every send", first == second);
        assertEquals(Verdict.ACCEPTED, VrrpPacket.check(second, second.limit(), 20));
        assertEquals(0, VrrpPacket.priority(second, 20));
        assertEquals("IP identification counts up", 2, second.getShort(4));
        assertEquals(Ipv4.parse("192.0.2.100"), VrrpPacket.address(second, 20, 0));
    }
}
