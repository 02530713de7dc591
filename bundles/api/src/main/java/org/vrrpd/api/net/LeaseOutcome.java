package org.vrrpd.api.net;

/**
 * What {@link InterfaceRegistry#leaseAddresses} did with one address: leased (and whether it had
 * to be added, as {@link InterfaceRegistry#leaseAddress} returns), or refused and why.
 *
 * @param wasAbsent the address was not on the interface (as far as the registry's mirror knew)
 * @param refusal why the kernel or the registry refused it (it names the request and the errno), null if leased
 * @since 2.4
 */
public record LeaseOutcome(boolean wasAbsent, String refusal) {
    /** Leased, and it was there: only its lifetime changed. */
    public static final LeaseOutcome RENEWED = new LeaseOutcome(false, null);
    /** Leased, and it was not there. */
    public static final LeaseOutcome ADDED = new LeaseOutcome(true, null);

    public static LeaseOutcome refused(String why) {
        return new LeaseOutcome(false, why);
    }

    public boolean leased() {
        return refusal == null;
    }
}
