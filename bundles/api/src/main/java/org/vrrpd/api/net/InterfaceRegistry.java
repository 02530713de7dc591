package org.vrrpd.api.net;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The userspace mirror of the kernel's interfaces, and the way to add or remove addresses. */
@ProviderType
public interface InterfaceRegistry {
    Collection<NetInterface> interfaces();

    Optional<NetInterface> byName(String name);

    /** When the interface last changed (or was first seen); empty if unknown. */
    default Optional<java.time.Instant> lastChange(String name) {
        return Optional.empty();
    }

    /**
     * Adds an address to an interface in one acknowledged request.
     *
     * @return true if it was added, false if the interface already had it
     * @throws IOException if the kernel refused it (the message names the request and the reason)
     */
    boolean addAddress(String interfaceName, InterfaceAddress address) throws IOException;

    /**
     * Removes an address from an interface in one acknowledged request.
     *
     * @return true if it was removed, false if the interface did not have it
     * @throws IOException if the kernel refused it
     */
    boolean removeAddress(String interfaceName, InterfaceAddress address) throws IOException;

    /**
     * Adds an address that the kernel removes by itself once {@code lifetime} has passed (its valid
     * and preferred lifetimes, rounded up to whole seconds), or gives the address that is there
     * that lifetime from now: one acknowledged request, so calling it again before the lifetime
     * runs out renews the lease. A daemon that dies or hangs stops renewing, and the kernel removes
     * the address within the lifetime plus its expiry check's granularity (about a second).
     * {@link Duration#ZERO} makes the address permanent (this default, for a registry without
     * lifetimes, only adds it).
     *
     * @return true if the address was not on the interface (as far as this registry's mirror
     *     knew just before), false if it was and only its lifetime changed
     * @throws IOException if the kernel refused it, or this registry cannot give lifetimes
     * @since 2.1
     */
    default boolean leaseAddress(String interfaceName, InterfaceAddress address, Duration lifetime) throws IOException {
        if (lifetime.isZero()) {
            return addAddress(interfaceName, address);
        }
        throw new IOException("this interface registry cannot give " + address + " a lifetime");
    }

    /**
     * {@link #leaseAddress} for several addresses of one interface: a registry may send them to
     * the kernel together (this default sends them one by one), and one refused does not stop the
     * others. Meant for renewals, which come due for many addresses at once.
     *
     * @return one outcome per address, in the order given
     * @since 2.4
     */
    default List<LeaseOutcome> leaseAddresses(String interfaceName, List<InterfaceAddress> addresses, Duration lifetime) {
        List<LeaseOutcome> outcomes = new ArrayList<>(addresses.size());
        for (InterfaceAddress address : addresses) {
            try {
                outcomes.add(leaseAddress(interfaceName, address, lifetime) ? LeaseOutcome.ADDED : LeaseOutcome.RENEWED);
            } catch (IOException | RuntimeException e) {
                outcomes.add(LeaseOutcome.refused(e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        return outcomes;
    }

    /**
     * Creates a macvlan interface {@code name} on {@code parent} in mode private, with the
     * link-layer address {@code mac} and the alias {@code alias} (which marks it as its creator's),
     * no IPv6 address generated for it (addrgenmode none), and brings it up: the RTM_NEWLINK
     * requests keepalived's {@code use_vmac} makes, each acknowledged.
     *
     * @throws IOException if the kernel refused (the message names the request and the reason,
     *     e.g. EEXIST when the name is taken), or this registry cannot create links
     * @since 2.2
     */
    default void addMacvlan(String name, String parent, MacAddress mac, String alias) throws IOException {
        throw new IOException("this interface registry cannot create " + name);
    }

    /**
     * Deletes the interface {@code name} (RTM_DELLINK, acknowledged); its addresses go with it.
     *
     * @return true if it was deleted, false if there was no such interface
     * @throws IOException if the kernel refused, or this registry cannot delete links
     * @since 2.2
     */
    default boolean deleteLink(String name) throws IOException {
        throw new IOException("this interface registry cannot delete " + name);
    }
}
