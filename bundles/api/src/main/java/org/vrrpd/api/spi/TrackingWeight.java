package org.vrrpd.api.spi;

/**
 * keepalived's weight of a tracked object (track_interface, track_script): how a check that is OK
 * or failed moves an instance's priority. A positive weight is added while the check is OK, a
 * negative one while it fails; {@code reverse} negates the weight (so a positive weight is
 * subtracted while OK). Weight 0 forces FAULT while the check fails (while it is OK if reversed).
 * This is keepalived 2.2's steady state: its total_priority adds |weight| × (reverse ? −1 : 1) on
 * every failed→OK change and subtracts it on every OK→failed one.
 *
 * @param weight -253..253, as keepalived allows
 * @param reverse keepalived's {@code reverse} after the weight
 */
public record TrackingWeight(int weight, boolean reverse) {
    public static final int MAX = 253;

    public TrackingWeight {
        if (weight < -MAX || weight > MAX) {
            throw new IllegalArgumentException("weight = " + weight + " rejected: must be -" + MAX + ".." + MAX);
        }
    }

    /** What to report for a check that is {@code ok} (or not), with {@code reason}. */
    public CheckStatus status(boolean ok, String reason) {
        if (weight == 0) {
            return new CheckStatus(0, ok == reverse, reason);
        }
        boolean applies = weight > 0 ? ok : !ok;
        return new CheckStatus(applies ? (reverse ? -weight : weight) : 0, false, reason);
    }
}
