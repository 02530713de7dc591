package org.vrrpd.netlink.internal;

import static org.vrrpd.netlink.internal.Rtnetlink.*;

/** The three address requests the registry makes: which message, with which flags, and whether it carries a lifetime. */
enum AddressChange {
    /** RTM_NEWADDR, exclusive create: EEXIST if the address is there. Permanent. */
    ADD(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, false),
    /**
     * RTM_NEWADDR, create or replace, with IFA_CACHEINFO: adds the address with a valid and preferred
     * lifetime after which the kernel deletes it by itself, or sets a new lifetime on the one there.
     */
    LEASE(RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, true),
    /** RTM_DELADDR: EADDRNOTAVAIL if the address is not there. */
    REMOVE(RTM_DELADDR, 0, false);

    final int messageType;
    final int flags;
    final boolean lifetime;

    AddressChange(int messageType, int flags, boolean lifetime) {
        this.messageType = messageType;
        this.flags = flags;
        this.lifetime = lifetime;
    }
}
