package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * One virtual router: its state, timers and counters, driven by {@link TransitionTable}. The
 * instance decides; its {@link InstanceEffects} (the engine) do the I/O. Used only on the event loop. A
 * transition that throws is contained here: the instance goes to FAULT ("internal error"), gives up
 * its addresses and tries again later, and no other instance notices.
 */
final class VrrpInstance {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);

    private final InstanceEffects host;
    private InstanceSettings settings;
    private VrrpState state = VrrpState.INITIALIZE;
    private final InstanceFaults faults = new InstanceFaults(first -> handle(Event.FAULTED, first.text()),
            last -> handle(Event.RECOVERED, "recovered from " + last.text()));
    /** The master's address, as {@link RouterAddress} halves; 0 and 0 while none is known. */
    private long masterAddressHigh;
    private long masterAddress;
    /** When it last left INITIALIZE (System.nanoTime), for the MIBs' up time. */
    private long upSinceNanos;
    private int masterAdverCentis;
    private long preemptAllowedAt;
    private long answeredLowerMasterAt = Long.MIN_VALUE;
    private AuthSession auth;
    private int priorityDelta;
    /** What the bound checkers last reported (keepalived's track_script / track_interface). */
    final CheckReports checks = new CheckReports();
    final Counters counters = new Counters();
    /** When the engine may next log a dropped advert of this instance (loop clock). */
    long nextRejectLog = Long.MIN_VALUE;
    final TimerHeap.Timer protocolTimer = new TimerHeap.Timer(this::protocolTimerFired);
    private final GarpSchedule garps;
    final SplitBrain splitBrain = new SplitBrain();
    private final AdvertBuffer advert = new AdvertBuffer();
    private final InternalErrors internalErrors;

    VrrpInstance(InstanceEffects host, InstanceSettings settings) {
        this.host = host;
        this.settings = settings;
        this.garps = new GarpSchedule(this, host);
        this.internalErrors = new InternalErrors(host.timers(), cause -> fault(cause, false));
        this.masterAdverCentis = settings.advertCentis();
    }

    InstanceSettings settings() {
        return settings;
    }

    String name() {
        return settings.name();
    }

    VrrpState state() {
        return state;
    }

    /** When it last left INITIALIZE (System.nanoTime); meaningless while in INITIALIZE. */
    long upSinceNanos() {
        return upSinceNanos;
    }

    InstanceFaults faults() {
        return faults;
    }

    long masterAddress() {
        return masterAddress;
    }

    long masterAddressHigh() {
        return masterAddressHigh;
    }

    /** We are the master: our address, as our adverts carry it. */
    private void masterIsUs() {
        masterAddressHigh = settings.sourceHigh();
        masterAddress = host.primaryAddress(this);
    }

    AuthSession auth() {
        return auth;
    }

    /** Transitions that threw since the instance started. */
    long internalErrors() {
        return internalErrors.count();
    }

    void setAuth(AuthSession auth) {
        this.auth = auth;
        advert.invalidate(); // the auth type and data are part of the cached advert
    }

    /** The priority in effect: the configured one plus the checkers' weights, kept within 1..254; an owner stays 255. */
    int priority() {
        return settings.owner() ? InstanceSettings.OWNER_PRIORITY : Math.max(1, Math.min(254, settings.priority() + priorityDelta));
    }

    /** The Skew_Time and Master_Down_Interval this instance runs on now (its effective priority). */
    long skewNanos() {
        return Timing.skew(settings.version(), priority(), masterAdverCentis);
    }

    long masterDownNanos() {
        return Timing.masterDown(settings.version(), priority(), masterAdverCentis);
    }

    /** Master_Adver_Interval: a v3 backup's is the master's advertised interval (RFC 5798 §6.4.2); otherwise ours. */
    int masterAdverCentis() {
        return masterAdverCentis;
    }

    /**
     * Applies the checkers' latest reports: their weights change the priority (a master's next
     * advert carries it; a better backup then preempts), and a checker forcing FAULT is one more
     * fault cause.
     */
    void applyChecks() {
        int before = priority();
        priorityDelta = checks.priorityDelta();
        if (priority() != before) {
            host.priorityChanged(this, before);
        }
        faults.replace(FaultCause.Kind.CHECKER, checks.faultCauses());
    }

    /** Settings that keep the instance's identity (see InstanceSettings#liveChangeableFrom) apply at once, without a transition. */
    void reconfigure(InstanceSettings next) {
        settings = next;
        advert.invalidate();
        if (state != VrrpState.BACKUP || next.version() == 2) {
            masterAdverCentis = next.advertCentis();
        }
        if (state == VrrpState.MASTER) {
            try {
                host.addVips(this); // new addresses appear at once, dropped ones go
            } catch (RuntimeException e) {
                failSafe(Event.ADVER_TIMER, e);
            }
        }
    }

    void start() {
        handle(!faults.isEmpty() ? Event.STARTUP_FAULTED
                        : settings.owner() ? Event.STARTUP_OWNER
                        : settings.initialMaster() ? Event.STARTUP_AS_MASTER : Event.STARTUP,
                faults.isEmpty() ? "configured" : faults.toString());
    }

    void stop() {
        internalErrors.cancel();
        handle(Event.SHUTDOWN, "stopped");
    }

    /** Takes up {@code handedOver}, the state the previous incarnation of the engine left it in (no transition). */
    void resume(VrrpState handedOver) {
        state = handedOver;
        upSinceNanos = System.nanoTime();
        if (state == VrrpState.MASTER) {
            masterIsUs();
        }
        handle(Event.RESUMED, "handed over by the previous engine");
    }

    /** Sets or clears one fault cause. */
    void fault(FaultCause cause, boolean active) {
        faults.set(cause, active);
    }

    /** Replaces the interface's fault cause (null: the interface is healthy) without a spurious recovery in between. */
    void setInterfaceFault(String reason) {
        faults.replace(FaultCause.Kind.INTERFACE, reason == null ? Set.of() : Set.of(FaultCause.iface(reason)));
    }

    /** Another member of the sync group became MASTER or BACKUP: follow it (keepalived's vrrp_sync_group). */
    void followGroup(Event event, String why) {
        handle(event, why);
    }

    /** Whether a cause of its own (not only its group's) holds the instance in FAULT: only then does the group follow it. */
    boolean faultedByItself() {
        return faults.anyOwnCause();
    }

    /** Stops the timers and nothing else: the next incarnation of the engine takes over from here. */
    void park() {
        host.timers().cancel(protocolTimer);
        garps.cancel();
        internalErrors.cancel();
    }

    /**
     * An advert that passed every check: classify it (RFC 3768 / RFC 5798 §6.4.2/§6.4.3) and act.
     * {@code sourceHigh}:{@code source} is its sender ({@link RouterAddress});
     * {@code adverCentis} is its interval (v3; a v2 advert has ours, or it was dropped);
     * {@code addressesDiffer}: it lists other virtual addresses than ours.
     */
    void advertReceived(int priority, long sourceHigh, long source, int adverCentis, boolean addressesDiffer) {
        counters.advertisementsReceived++;
        if (priority == 0) {
            counters.priorityZeroReceived++;
        } else if (state == VrrpState.MASTER) {
            Event event = classify(priority, sourceHigh, source);
            if (event != Event.RX_PREFERRED) {
                host.lowerPriorityHeard(this, priority, sourceHigh, source);
                otherMasterHeard(sourceHigh, source, splitBrain.active() ? null : (event == Event.RX_EQUAL_NOT_PREFERRED
                        ? "equal priority " + priority + " from a lower address" : "lower priority " + priority)
                        + (addressesDiffer ? ", and its address list differs from ours" : ""));
            }
        }
        if (settings.owner()) {
            return; // the address owner ignores adverts for its VRID (§7.1 check 5)
        }
        Event event = classify(priority, sourceHigh, source);
        if (event == Event.RX_PREFERRED || (state == VrrpState.BACKUP && event != Event.RX_LOWER_PREEMPTIBLE)) {
            masterAddressHigh = sourceHigh;
            masterAddress = source;
            masterAdverCentis = adverCentis; // before the transition re-arms the master down timer with it
        }
        handle(event, event.reason());
    }

    /**
     * As master, another master's advert that we do not yield to, accepted or dropped for
     * {@code why} (built only when no split brain is known yet): a split brain begins, or goes on.
     */
    void otherMasterHeard(long sourceHigh, long source, String why) {
        if (state == VrrpState.MASTER && splitBrain.heard(sourceHigh, source, why, host.timers().now())) {
            host.splitBrainChanged(this, true);
        }
    }

    /** No master heard for a Master_Down_Interval, or this one is no longer master: the split brain is over. */
    private void endSplitBrain(boolean over) {
        if (splitBrain.active() && splitBrain.ends(host.timers().now(), masterDownNanos(), over)) { // asked every advert: mostly not active
            host.splitBrainChanged(this, false);
        }
    }

    Event classify(int priority, long sourceHigh, long source) {
        int ours = priority();
        long ourAddress = priority == ours ? host.primaryAddress(this) : 0; // asked only for a tie
        return AdvertClass.of(priority, sourceHigh, source, ours, settings.sourceHigh(), ourAddress,
                settings.preempt() && host.timers().now() - preemptAllowedAt >= 0);
    }

    private void protocolTimerFired() {
        if (state == VrrpState.MASTER) {
            endSplitBrain(false);
            handle(Event.ADVER_TIMER, Event.ADVER_TIMER.reason());
        } else if (state == VrrpState.BACKUP) {
            handle(Event.MASTER_DOWN_TIMER, Event.MASTER_DOWN_TIMER.reason());
        }
    }

    private void handle(Event event, String reason) {
        TransitionTable.Transition t = TransitionTable.lookup(state, event);
        if (t == null) {
            return;
        }
        VrrpState from = state;
        try {
            for (int i = 0; i < t.size(); i++) {
                Actions.perform(t.action(i), this, host);
            }
        } catch (RuntimeException e) {
            failSafe(event, e);
            return;
        }
        if (t.next() != from) {
            state = t.next();
            if (from == VrrpState.INITIALIZE) {
                upSinceNanos = System.nanoTime();
            }
            if (from == VrrpState.MASTER) {
                endSplitBrain(true);
            }
            if (state == VrrpState.MASTER) {
                counters.becomeMaster++;
                masterIsUs();
            } else if (state != VrrpState.BACKUP) {
                masterAddressHigh = 0;
                masterAddress = 0;
            }
            if (state != VrrpState.BACKUP) {
                masterAdverCentis = settings.advertCentis(); // a backup learns it anew from the next master
            }
            host.stateChanged(this, from, reason);
        }
    }

    /**
     * A transition threw: leave MASTER the way FAULTED does — resign, release the addresses — each
     * step on its own since any of them may be what fails, and hold the instance in FAULT with the
     * cause until the retry ({@link InternalErrors}).
     */
    private void failSafe(Event during, RuntimeException e) {
        FaultCause cause = internalErrors.threw(name(), during, state, e);
        host.timers().cancel(protocolTimer);
        garps.cancel();
        VrrpState from = state;
        if (from == VrrpState.MASTER) {
            quietly(() -> host.sendAdvert(this, 0));
        }
        quietly(() -> host.removeVips(this));
        state = VrrpState.FAULT;
        masterAddressHigh = 0;
        masterAddress = 0;
        if (from == VrrpState.MASTER) {
            quietly(() -> endSplitBrain(true));
        }
        faults.replace(FaultCause.Kind.INTERNAL, Set.of(cause)); // already FAULT: no transition runs
        if (from != VrrpState.FAULT) {
            quietly(() -> host.stateChanged(this, from, cause.text()));
        }
    }

    private void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: while failing safe: {}", name(), e.toString());
        }
    }

    /** Whether a lower master may be answered now: at most once per advert interval. */
    boolean lowerMasterAnswerDue() {
        long now = host.timers().now();
        if (answeredLowerMasterAt != Long.MIN_VALUE && now - answeredLowerMasterAt < Timing.advert(settings.advertCentis())) {
            return false;
        }
        answeredLowerMasterAt = now;
        return true;
    }

    /** keepalived's preempt_delay: from now, lower adverts are not preempted for this long. */
    void startPreemptDelay() {
        preemptAllowedAt = host.timers().now() + Timing.nanos(settings.preemptDelay());
    }

    GarpSchedule garps() {
        return garps;
    }

    /** The advert to send with {@code priority} from {@code source} (low half) to {@code peer} (null: the group), in its reused buffer. */
    ByteBuffer advert(int priority, long source, Unicast.Peer peer) {
        return advert.next(settings, auth, priority, source, peer);
    }
}
