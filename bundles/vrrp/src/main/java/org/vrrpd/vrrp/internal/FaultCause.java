package org.vrrpd.vrrp.internal;

/**
 * One reason an instance is held in FAULT. The kind says where it comes from, so that a sync group
 * can tell a member's own fault from one the group passed to it, and each source replaces only its
 * own causes.
 */
record FaultCause(Kind kind, String text) implements Comparable<FaultCause> {
    enum Kind {
        /** The interface is missing, down, without carrier or address, or its socket failed. */
        INTERFACE,
        /** The instance's authentication type has no authenticator service. */
        AUTHENTICATOR,
        /** A checker forces FAULT. */
        CHECKER,
        /** Another member of the sync group is in FAULT. */
        SYNC_GROUP,
        /** A transition of this instance threw: a bug, contained to the instance. */
        INTERNAL
    }

    static FaultCause iface(String text) {
        return new FaultCause(Kind.INTERFACE, text);
    }

    static FaultCause noAuthenticator(String type) {
        return new FaultCause(Kind.AUTHENTICATOR, "no '" + type + "' authenticator");
    }

    static FaultCause checker(String checker, String reason) {
        return new FaultCause(Kind.CHECKER, "checker " + checker + ": " + reason);
    }

    static FaultCause syncGroup(String member) {
        return new FaultCause(Kind.SYNC_GROUP, "sync group: " + member + " is in FAULT");
    }

    static FaultCause internal(RuntimeException e) {
        return new FaultCause(Kind.INTERNAL, "internal error: " + e);
    }

    @Override
    public int compareTo(FaultCause o) {
        return text.compareTo(o.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
