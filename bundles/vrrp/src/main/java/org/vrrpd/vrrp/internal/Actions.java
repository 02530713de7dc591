package org.vrrpd.vrrp.internal;

/** What each {@link Action} of the transition table does to one instance: the table says which, in order; this says how. */
final class Actions {
    private Actions() {
    }

    static void perform(Action action, VrrpInstance instance, InstanceEffects host) {
        Timers loop = host.timers();
        InstanceSettings settings = instance.settings();
        TimerHeap.Timer protocolTimer = instance.protocolTimer;
        switch (action) {
            case SEND_ADVERT -> host.sendAdvert(instance, instance.priority());
            case SEND_PRIORITY_ZERO -> host.sendAdvert(instance, 0);
            case ADD_VIPS -> host.addVips(instance);
            case REMOVE_VIPS -> host.removeVips(instance);
            case SEND_GARP -> instance.garps().becameMaster();
            case START_ADVER_TIMER -> {
                // At a fixed rate from the advert deadline that just fired (it may have fired up to `early` before
                // it, batched with others), so adverts do not drift by the loop's latency; from now after a reset
                // (the timer still pending), a late loop, or another timer (a new master), onto a grid instant
                // others share (GridPlacement): only advert deadlines lie on the grid.
                long interval = Timing.advert(settings.advertCentis());
                long early = Timing.coalesce(interval);
                long now = loop.now();
                long next = protocolTimer.deadline() + interval;
                boolean onGrid = Math.floorMod(protocolTimer.deadline(), Timing.grid(interval)) == 0;
                boolean fixedRate = !protocolTimer.isScheduled() && onGrid && next - now > 0 && next - now <= interval + early;
                long deadline = fixedRate ? next : GridPlacement.choose(now + Timing.alignedDelay(now, interval), interval, loop);
                loop.scheduleAdvert(protocolTimer, deadline, early);
            }
            case START_MASTER_DOWN_TIMER -> loop.schedule(protocolTimer, instance.masterDownNanos());
            case START_LISTEN_TIMER -> loop.schedule(protocolTimer, Timing.listen(settings.version(), instance.priority(), settings.advertCentis()));
            case START_SKEW_TIMER -> loop.schedule(protocolTimer, instance.skewNanos());
            case CANCEL_TIMER -> {
                loop.cancel(protocolTimer);
                instance.garps().cancel();
            }
            case START_PREEMPT_DELAY -> instance.startPreemptDelay();
            case ANSWER_LOWER_MASTER -> {
                if (instance.lowerMasterAnswerDue()) {
                    if (!settings.lowerPriority().noAdvert()) {
                        host.sendAdvert(instance, instance.priority());
                    }
                    instance.garps().lowerMasterHeard();
                }
            }
            case ADVERT_BEFORE_YIELDING -> {
                if (settings.lowerPriority().higherPrioSendAdvert()) {
                    host.sendAdvert(instance, instance.priority());
                }
            }
        }
    }
}
