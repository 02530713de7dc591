package org.vrrpd.vrrp.internal;

/**
 * Whether an instance, as master, hears another master on its virtual router that it does not
 * yield to — a lower priority, adverts it must drop (another key, another interval) — and since
 * when. Every advert of a non-zero priority comes from a master, so one is enough to begin; the
 * episode ends when the other has been silent for a Master_Down_Interval, or this one leaves
 * MASTER. Loop thread only.
 */
final class SplitBrain {
    private long otherMasterHigh;
    private long otherMaster;
    private String reason;
    private long since;
    private long lastHeard;
    private boolean active;
    private long episodes;

    /** Another master, at {@code high}:{@code address} ({@link RouterAddress}), was heard at {@code now}; true if that begins an episode. */
    boolean heard(long high, long address, String why, long now) {
        lastHeard = now;
        if (active) {
            return false;
        }
        active = true;
        otherMasterHigh = high;
        otherMaster = address;
        reason = why;
        since = now;
        episodes++;
        return true;
    }

    /** True if an active episode ends now: the other master silent for {@code silenceNanos}, or {@code over} anyway. */
    boolean ends(long now, long silenceNanos, boolean over) {
        if (active && (over || now - lastHeard > silenceNanos)) {
            active = false;
            return true;
        }
        return false;
    }

    boolean active() {
        return active;
    }

    long otherMaster() {
        return otherMaster;
    }

    long otherMasterHigh() {
        return otherMasterHigh;
    }

    String reason() {
        return reason;
    }

    long since() {
        return since;
    }

    long episodes() {
        return episodes;
    }
}
