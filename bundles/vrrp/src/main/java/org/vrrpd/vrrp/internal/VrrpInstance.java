package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.Ipv4;

/**
 * One virtual router: its state, timers and counters, driven by {@link TransitionTable}. The
 * instance decides; its {@link Host} (the engine) does the I/O. Used only on the event loop.
 */
final class VrrpInstance {
    /** What an instance needs from the engine to carry out its actions. */
    interface Host {
        Timers timers();

        /** Sends one advert with {@code priority} (0 to resign). */
        void sendAdvert(VrrpInstance instance, int priority);

        void addVips(VrrpInstance instance);

        void removeVips(VrrpInstance instance);

        /** One burst of {@code count} gratuitous ARPs per virtual address. */
        void sendGarps(VrrpInstance instance, int count);

        /** The primary IPv4 address of the instance's interface, or 0 if it has none. */
        int primaryAddress(VrrpInstance instance);

        void stateChanged(VrrpInstance instance, VrrpState from, String reason);
    }

    private final Host host;
    private InstanceSettings settings;
    private VrrpState state = VrrpState.INITIALIZE;
    /** Why the instance is held in FAULT (link down, missing interface, ...); empty when healthy. */
    private final Set<String> faults = new TreeSet<>();
    private int masterAddress;
    private long preemptAllowedAt;
    private AuthSession auth;
    private int priorityDelta;
    /** What the bound checkers last reported (keepalived's track_script / track_interface). */
    final CheckReports checks = new CheckReports();
    private Set<String> checkFaults = Set.of();
    final Counters counters = new Counters();
    /** When the engine may next log a dropped advert of this instance (loop clock). */
    long nextRejectLog = Long.MIN_VALUE;
    final TimerHeap.Timer protocolTimer = new TimerHeap.Timer(this::protocolTimerFired);
    final TimerHeap.Timer garpTimer = new TimerHeap.Timer(this::garpTimerFired);
    /** The advert as sent: IP header and VRRP message, rebuilt when the settings change. */
    private ByteBuffer advert;
    private int ipIdentification;

    VrrpInstance(Host host, InstanceSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    InstanceSettings settings() {
        return settings;
    }

    VrrpState state() {
        return state;
    }

    Set<String> faults() {
        return faults;
    }

    int masterAddress() {
        return masterAddress;
    }

    AuthSession auth() {
        return auth;
    }

    void setAuth(AuthSession auth) {
        this.auth = auth;
        advert = null; // the auth type and data are part of the cached advert
    }

    /** The priority in effect: the configured one plus the checkers' weights, kept within 1..254; an owner stays 255. */
    int priority() {
        return settings.owner() ? InstanceSettings.OWNER_PRIORITY : Math.max(1, Math.min(254, settings.priority() + priorityDelta));
    }

    /**
     * Applies the checkers' latest reports: their weights change the priority (a master's next
     * advert carries it; a better backup then preempts), and a checker forcing FAULT is one more
     * fault cause, added before the old ones are cleared so there is no spurious recovery.
     */
    void applyChecks() {
        priorityDelta = checks.priorityDelta();
        Set<String> now = checks.faultCauses();
        for (String cause : now) {
            fault(cause, true);
        }
        for (String cause : checkFaults) {
            if (!now.contains(cause)) {
                fault(cause, false);
            }
        }
        checkFaults = now;
    }

    /** Settings that keep the instance's identity (see InstanceSettings#liveChangeableFrom) apply at once, without a transition. */
    void reconfigure(InstanceSettings next) {
        settings = next;
        advert = null;
        if (state == VrrpState.MASTER) {
            host.addVips(this); // new addresses appear at once; the engine removes the dropped ones
        }
    }

    void start() {
        handle(!faults.isEmpty() ? Event.STARTUP_FAULTED
                        : settings.owner() ? Event.STARTUP_OWNER
                        : settings.initialMaster() ? Event.STARTUP_AS_MASTER : Event.STARTUP,
                faults.isEmpty() ? "configured" : String.join(", ", faults));
    }

    void stop() {
        handle(Event.SHUTDOWN, "stopped");
    }

    /** Takes up {@code handedOver}, the state the previous incarnation of the engine left it in (no transition). */
    void resume(VrrpState handedOver) {
        state = handedOver;
        if (state == VrrpState.MASTER) {
            masterAddress = host.primaryAddress(this);
        }
        handle(Event.RESUMED, "handed over by the previous engine");
    }

    static final String GROUP_FAULT = "sync group: ";

    /**
     * Another member of the sync group changed state: follow it (keepalived's vrrp_sync_group).
     * Its FAULT is this one's fault cause until it leaves FAULT; its MASTER or BACKUP is this one's.
     */
    void followGroup(String member, VrrpState from, VrrpState to) {
        String cause = GROUP_FAULT + member + " is in FAULT";
        if (to == VrrpState.FAULT) {
            fault(cause, true);
            return;
        }
        if (from == VrrpState.FAULT) {
            fault(cause, false);
        }
        if (to == VrrpState.MASTER) {
            handle(Event.SYNC_MASTER, GROUP_FAULT + member + " became MASTER");
        } else if (to == VrrpState.BACKUP) {
            handle(Event.SYNC_BACKUP, GROUP_FAULT + member + " became BACKUP");
        }
    }

    /** Whether a cause of its own (not only its group's) holds the instance in FAULT: only then does the group follow it. */
    boolean faultedByItself() {
        return faults.stream().anyMatch(c -> !c.startsWith(GROUP_FAULT));
    }

    /** Stops the timers and nothing else: the next incarnation of the engine takes over from here. */
    void park() {
        host.timers().cancel(protocolTimer);
        host.timers().cancel(garpTimer);
    }

    /** The interface-related fault cause currently set, if any (missing, down, no carrier, no address). */
    private String interfaceFault;

    /** Replaces the interface-related fault cause (null: the interface is healthy) without a spurious recovery in between. */
    void setInterfaceFault(String reason) {
        String old = interfaceFault;
        if (Objects.equals(old, reason)) {
            return;
        }
        interfaceFault = reason;
        if (reason != null) {
            fault(reason, true);
        }
        if (old != null) {
            fault(old, false);
        }
    }

    /** Sets or clears one fault cause; the first one sets FAULT, clearing the last one recovers. */
    void fault(String cause, boolean active) {
        boolean wasFaulted = !faults.isEmpty();
        boolean changed = active ? faults.add(cause) : faults.remove(cause);
        if (!changed) {
            return;
        }
        if (!wasFaulted && active) {
            handle(Event.FAULTED, cause);
        } else if (wasFaulted && faults.isEmpty()) {
            handle(Event.RECOVERED, "recovered from " + cause);
        }
    }

    /** An advert that passed every check: classify it (RFC 3768 §6.4.2/§6.4.3) and act. */
    void advertReceived(int priority, int source) {
        counters.advertisementsReceived++;
        if (priority == 0) {
            counters.priorityZeroReceived++;
        }
        if (settings.owner()) {
            return; // the address owner ignores adverts for its VRID (§7.1 check 5)
        }
        Event event = classify(priority, source);
        if (event == Event.RX_PREFERRED || (state == VrrpState.BACKUP && event != Event.RX_LOWER_PREEMPTIBLE)) {
            masterAddress = source;
        }
        handle(event, REASONS[event.ordinal()]);
    }

    Event classify(int priority, int source) {
        if (priority == 0) {
            return Event.RX_PRIORITY_ZERO;
        }
        int ours = priority();
        if (priority > ours || (priority == ours && Integer.compareUnsigned(source, host.primaryAddress(this)) > 0)) {
            return Event.RX_PREFERRED;
        }
        if (priority == ours) {
            return Event.RX_EQUAL_NOT_PREFERRED;
        }
        return settings.preempt() && host.timers().now() - preemptAllowedAt >= 0
                ? Event.RX_LOWER_PREEMPTIBLE : Event.RX_LOWER_NO_PREEMPT;
    }

    private static final String[] REASONS = new String[Event.values().length];

    static {
        REASONS[Event.MASTER_DOWN_TIMER.ordinal()] = "master down timer expired";
        REASONS[Event.RX_PRIORITY_ZERO.ordinal()] = "master resigned (priority 0)";
        REASONS[Event.RX_PREFERRED.ordinal()] = "advert from a preferred master";
        REASONS[Event.RX_EQUAL_NOT_PREFERRED.ordinal()] = "equal-priority advert from a lower address";
        REASONS[Event.RX_LOWER_PREEMPTIBLE.ordinal()] = "lower-priority advert, preempting";
        REASONS[Event.RX_LOWER_NO_PREEMPT.ordinal()] = "lower-priority advert, not preempting";
        REASONS[Event.ADVER_TIMER.ordinal()] = "advert timer";
    }

    private void protocolTimerFired() {
        if (state == VrrpState.MASTER) {
            handle(Event.ADVER_TIMER, REASONS[Event.ADVER_TIMER.ordinal()]);
        } else if (state == VrrpState.BACKUP) {
            handle(Event.MASTER_DOWN_TIMER, REASONS[Event.MASTER_DOWN_TIMER.ordinal()]);
        }
    }

    /** The delayed second burst, then refresh bursts while master (garp_master_delay / garp_master_refresh). */
    private void garpTimerFired() {
        if (state != VrrpState.MASTER) {
            return;
        }
        host.sendGarps(this, settings.garpMasterRepeat());
        if (settings.garpMasterRefresh() > 0) {
            host.timers().schedule(garpTimer, Timing.advert(settings.garpMasterRefresh()));
        }
    }

    private void handle(Event event, String reason) {
        TransitionTable.Transition t = TransitionTable.lookup(state, event);
        if (t == null) {
            return;
        }
        List<Action> actions = t.actions();
        for (int i = 0; i < actions.size(); i++) {
            perform(actions.get(i));
        }
        VrrpState from = state;
        if (t.next() != from) {
            state = t.next();
            if (state == VrrpState.MASTER) {
                counters.becomeMaster++;
                masterAddress = host.primaryAddress(this);
            } else if (state != VrrpState.BACKUP) {
                masterAddress = 0;
            }
            host.stateChanged(this, from, reason);
        }
    }

    private void perform(Action action) {
        Timers loop = host.timers();
        switch (action) {
            case SEND_ADVERT -> host.sendAdvert(this, priority());
            case SEND_PRIORITY_ZERO -> host.sendAdvert(this, 0);
            case ADD_VIPS -> host.addVips(this);
            case REMOVE_VIPS -> host.removeVips(this);
            case SEND_GARP -> {
                host.sendGarps(this, settings.garpMasterRepeat());
                if (settings.garpMasterDelay() > 0) {
                    loop.schedule(garpTimer, Timing.advert(settings.garpMasterDelay()));
                } else if (settings.garpMasterRefresh() > 0) {
                    loop.schedule(garpTimer, Timing.advert(settings.garpMasterRefresh()));
                }
            }
            case START_ADVER_TIMER -> {
                // At a fixed rate from the deadline that just fired, so adverts do not drift by the loop's
                // latency; from now after a reset (the timer still pending) or a late loop.
                long interval = Timing.advert(settings.advertInterval());
                long fromLast = protocolTimer.deadline() + interval - loop.now();
                loop.schedule(protocolTimer, !protocolTimer.isScheduled() && fromLast > 0 && fromLast <= interval ? fromLast : interval);
            }
            case START_MASTER_DOWN_TIMER -> loop.schedule(protocolTimer, Timing.masterDown(settings.advertInterval(), priority()));
            case START_LISTEN_TIMER -> loop.schedule(protocolTimer, Timing.listen(settings.advertInterval(), priority()));
            case START_SKEW_TIMER -> loop.schedule(protocolTimer, Timing.skew(priority()));
            case CANCEL_TIMER -> {
                loop.cancel(protocolTimer);
                loop.cancel(garpTimer);
            }
            case START_PREEMPT_DELAY -> preemptAllowedAt = loop.now() + Timing.nanos(settings.preemptDelay());
        }
    }

    /**
     * The advert to send with {@code priority} in a buffer built once and reused for every send
     * (position 0, limit = length): per send only the IP header, the priority, the checksum and
     * what the authenticator seals (AH's sequence number and ICV) are rewritten.
     */
    ByteBuffer advert(int priority, int source) {
        int at = VrrpPacket.IPV4_HEADER_LENGTH + auth.headerLength();
        int count = settings.vipAddresses().length;
        int length = at + VrrpPacket.length(count);
        if (advert == null) {
            advert = ByteBuffer.allocateDirect(length);
            VrrpPacket.writeAdvertisement(advert, at, settings.vrid(), priority, auth.authTypeCode(), settings.advertInterval(),
                    settings.vipAddresses(), count);
            auth.writeAuthData(advert, VrrpPacket.IPV4_HEADER_LENGTH);
        }
        ipIdentification = ipIdentification == 0xffff ? 1 : ipIdentification + 1;
        VrrpPacket.writeIpHeader(advert, length, ipIdentification, auth.ipProtocol(), source, Ipv4.VRRP_GROUP);
        VrrpPacket.setPriority(advert, at, priority);
        VrrpPacket.sealChecksum(advert, at, VrrpPacket.length(count));
        auth.seal(advert, VrrpPacket.IPV4_HEADER_LENGTH); // AH's ICV covers the VRRP checksum
        return advert.clear().limit(length);
    }
}
