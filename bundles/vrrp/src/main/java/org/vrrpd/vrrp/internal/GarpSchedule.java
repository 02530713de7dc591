package org.vrrpd.vrrp.internal;

import org.vrrpd.api.vrrp.VrrpState;

/**
 * When one instance sends gratuitous ARPs: a burst on becoming master, the same again
 * garpMasterDelay later, then garpMasterRefreshRepeat every garpMasterRefresh (keepalived's garp_master_*); and, while it
 * hears a lower master, garpLowerPrioRepeat at once and again garpLowerPrioDelay later
 * (garp_lower_prio_*). Its timers fire only while the instance is master. Loop thread only.
 */
final class GarpSchedule {
    private final VrrpInstance instance;
    private final InstanceEffects host;
    private final TimerHeap.Timer masterTimer = new TimerHeap.Timer(this::masterTimerFired);
    private final TimerHeap.Timer lowerPrioTimer = new TimerHeap.Timer(this::lowerPrioTimerFired);
    /** Past the delayed second burst: the master timer's bursts are refreshes of garpMasterRefreshRepeat (keepalived's garp_master_refresh_repeat). */
    private boolean refreshing;

    GarpSchedule(VrrpInstance instance, InstanceEffects host) {
        this.instance = instance;
        this.host = host;
    }

    /** The instance became master. */
    void becameMaster() {
        InstanceSettings s = instance.settings();
        host.sendGarps(instance, s.garpMasterRepeat());
        refreshing = s.garpMasterDelay() == 0;
        if (s.garpMasterDelay() > 0) {
            host.timers().schedule(masterTimer, Timing.seconds(s.garpMasterDelay()));
        } else if (s.garpMasterRefresh() > 0) {
            host.timers().schedule(masterTimer, Timing.seconds(s.garpMasterRefresh()));
        }
    }

    /** As master it heard a lower master: bring the neighbours back (the second burst is not re-armed while pending). */
    void lowerMasterHeard() {
        InstanceSettings.LowerPriority lower = instance.settings().lowerPriority();
        if (lower.garpRepeat() > 0) {
            host.sendGarps(instance, lower.garpRepeat());
            if (lower.garpDelay() > 0 && !lowerPrioTimer.isScheduled()) {
                host.timers().schedule(lowerPrioTimer, Timing.seconds(lower.garpDelay()));
            }
        }
    }

    void cancel() {
        host.timers().cancel(masterTimer);
        host.timers().cancel(lowerPrioTimer);
    }

    private void masterTimerFired() {
        if (instance.state() == VrrpState.MASTER) {
            InstanceSettings s = instance.settings();
            host.sendGarps(instance, refreshing ? s.garpMasterRefreshRepeat() : s.garpMasterRepeat());
            refreshing = true;
            if (s.garpMasterRefresh() > 0) {
                host.timers().schedule(masterTimer, Timing.seconds(s.garpMasterRefresh()));
            }
        }
    }

    private void lowerPrioTimerFired() {
        if (instance.state() == VrrpState.MASTER) {
            host.sendGarps(instance, instance.settings().lowerPriority().garpRepeat());
        }
    }
}
