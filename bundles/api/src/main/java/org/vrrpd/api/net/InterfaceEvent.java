package org.vrrpd.api.net;

/**
 * A change of one interface in the registry.
 *
 * @param before the interface before the change, null when it was added
 * @param after the interface after the change, null when it was removed
 */
public record InterfaceEvent(NetInterface before, NetInterface after) {
    public enum Kind { ADDED, CHANGED, REMOVED }

    public InterfaceEvent {
        if (before == null && after == null) {
            throw new IllegalArgumentException("an event needs a before or an after");
        }
    }

    public Kind kind() {
        return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    }
}
