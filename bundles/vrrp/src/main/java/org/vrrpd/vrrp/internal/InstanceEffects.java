package org.vrrpd.vrrp.internal;

import org.vrrpd.api.vrrp.VrrpState;

/** What an instance needs from the engine to carry out its actions: the I/O, which the instance itself never does. */
interface InstanceEffects {
    Timers timers();

    /** Sends one advert with {@code priority} (0 to resign). */
    void sendAdvert(VrrpInstance instance, int priority);

    void addVips(VrrpInstance instance);

    void removeVips(VrrpInstance instance);

    /** One burst of {@code count} gratuitous ARPs per virtual address. */
    void sendGarps(VrrpInstance instance, int count);

    /**
     * The low half ({@link RouterAddress}) of the address the instance's adverts come from: unicastSource, else the
     * primary (IPv6: link-local) address of its interface; 0 if it has none.
     */
    long primaryAddress(VrrpInstance instance);

    void stateChanged(VrrpInstance instance, VrrpState from, String reason);

    /** The instance's effective priority moved from {@code from} to its {@link VrrpInstance#priority()} (its checkers). */
    void priorityChanged(VrrpInstance instance, int from);

    /** As master it received a valid advert with {@code priority} from {@code source} that it does not yield to. */
    void lowerPriorityHeard(VrrpInstance instance, int priority, long sourceHigh, long source);

    /** The instance's split brain (see {@link SplitBrain}) began or ended. */
    void splitBrainChanged(VrrpInstance instance, boolean active);
}
