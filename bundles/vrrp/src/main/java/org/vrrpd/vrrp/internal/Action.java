package org.vrrpd.vrrp.internal;

/** The steps a transition performs, in table order. */
enum Action {
    SEND_ADVERT,
    SEND_PRIORITY_ZERO,
    ADD_VIPS,
    REMOVE_VIPS,
    SEND_GARP,
    START_ADVER_TIMER,
    /** Master_Down_Timer = Master_Down_Interval = 3 × Advertisement_Interval + Skew_Time. */
    START_MASTER_DOWN_TIMER,
    /** Master_Down_Timer = Advertisement_Interval + Skew_Time: long enough to hear a current master once. */
    START_LISTEN_TIMER,
    /** Master_Down_Timer = Skew_Time = (256 − Priority) / 256 s: the master resigned. */
    START_SKEW_TIMER,
    CANCEL_TIMER,
    /** Starts the preempt-delay window (keepalived's preempt_delay) after startup or a fault. */
    START_PREEMPT_DELAY,
    /**
     * A master hearing a lower one: an advert of ours at once, so it yields (unless
     * lowerPrioNoAdvert, keepalived's lower_prio_no_advert), and gratuitous ARPs so the neighbours
     * come back to us (garpLowerPrioRepeat now, again after garpLowerPrioDelay) — at most once per
     * advert interval, so that a flood of lower adverts is not answered advert for advert.
     */
    ANSWER_LOWER_MASTER,
    /** A master yielding to a better one: an advert of ours first, if higherPrioSendAdvert (keepalived's higher_prio_send_advert). */
    ADVERT_BEFORE_YIELDING
}
