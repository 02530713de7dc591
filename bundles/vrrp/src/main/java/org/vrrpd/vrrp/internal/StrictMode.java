package org.vrrpd.vrrp.internal;

/**
 * keepalived's {@code vrrp_strict} / {@code strict_mode} (vrrp_complete_instance), as far as it
 * applies here: what RFC 3768 / 5798 do not have is refused by key and value. keepalived resets
 * such a value with a configuration error instead; the importer does the same and notes it, so an
 * imported configuration runs. Receiving, {@link AdvertChecks} drops a non-owner's advert whose
 * address list differs (RFC 3768 §7.1). keepalived's firewall rules (no_accept) are not ours.
 */
final class StrictMode {
    private StrictMode() {
    }

    static void check(InstanceSettings s, InstanceSettings.Reader r) {
        if (!s.strict()) {
            return;
        }
        if (!s.authType().equals("none")) {
            throw r.invalid("authType", s.authType(), "strict mode has no authentication (RFC 5798 removed it)");
        }
        if (s.unicast().enabled()) {
            throw r.invalid("unicastPeers", r.string("unicastPeers", ""), "strict mode is multicast only");
        }
        if (s.preemptDelay().signum() > 0) {
            throw r.invalid("preemptDelay", s.preemptDelay().toPlainString(), "strict mode has no preempt delay (RFC 3768 has none)");
        }
        if (s.initialMaster() && !s.owner()) {
            throw r.invalid("initialState", "MASTER", "in strict mode only the address owner (priority 255) starts as MASTER");
        }
        InstanceSettings.LowerPriority lower = s.lowerPriority();
        if (lower.garpRepeat() > 0) {
            throw r.invalid("garpLowerPrioRepeat", lower.garpRepeat(), "strict mode sends no gratuitous ARPs for a lower master");
        }
        if (lower.garpDelay() > 0) {
            throw r.invalid("garpLowerPrioDelay", lower.garpDelay(), "strict mode sends no gratuitous ARPs for a lower master");
        }
        if (!lower.noAdvert()) {
            throw r.invalid("lowerPrioNoAdvert", false, "strict mode does not answer a lower master (RFC 3768 discards its advert)");
        }
        if (lower.higherPrioSendAdvert()) {
            throw r.invalid("higherPrioSendAdvert", true, "strict mode yields to a better master without an advert");
        }
    }
}
