package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.LeaseOutcome;
import org.vrrpd.api.vrrp.VirtualAddress;

/** One address change through the interface registry, as a typed outcome: what the VIP reconciler's thread asks of netlink. */
final class AddressRequests {
    private AddressRequests() {
    }

    /** The kernel's address: keepalived's label, scope and brd options go with it (global scope unless given). */
    private static InterfaceAddress kernel(VirtualAddress address) {
        return new InterfaceAddress(address.address(), address.prefixLength(), false, address.label(), Math.max(0, address.scope()),
                address.broadcast());
    }

    /** keepalived's dev: the address's own interface, else the instance's. */
    private static String on(String interfaceName, VirtualAddress address) {
        return address.device() != null ? address.device() : interfaceName;
    }

    /** Leases {@code address} ({@code lease} zero: forever): ADDED, or ALREADY_PRESENT if it was there. */
    static VipReconciler.Outcome lease(InterfaceRegistry interfaces, String owner, String interfaceName, VirtualAddress address, Duration lease) {
        InterfaceAddress a = kernel(address);
        try {
            boolean absent = interfaces.leaseAddress(on(interfaceName, address), a, lease);
            return new VipReconciler.Outcome(owner, interfaceName, address, true, absent ? VipReconciler.Result.ADDED
                    : VipReconciler.Result.ALREADY_PRESENT, "");
        } catch (IOException | RuntimeException e) {
            return new VipReconciler.Outcome(owner, interfaceName, address, true, VipReconciler.Result.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** One lease to renew: {@code owner}'s {@code address}, for {@code lease}. */
    record Renewal(String owner, String interfaceName, VirtualAddress address, Duration lease) {
    }

    private record Group(String device, Duration lease) {
    }

    /**
     * Renews every lease given, those on one interface with the same lease in one call to the
     * registry (which may send them together); one refused does not stop the others, and an
     * address that was not there is RESTORED. Returns the outcomes in the order given.
     */
    static List<VipReconciler.Outcome> renewAll(InterfaceRegistry interfaces, List<Renewal> renewals) {
        VipReconciler.Outcome[] outcomes = new VipReconciler.Outcome[renewals.size()];
        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < renewals.size(); i++) {
            Renewal r = renewals.get(i);
            groups.computeIfAbsent(new Group(on(r.interfaceName(), r.address()), r.lease()), g -> new ArrayList<>()).add(i);
        }
        groups.forEach((group, members) -> {
            List<InterfaceAddress> addresses = new ArrayList<>(members.size());
            members.forEach(i -> addresses.add(kernel(renewals.get(i).address())));
            List<LeaseOutcome> results;
            try {
                results = interfaces.leaseAddresses(group.device(), addresses, group.lease());
            } catch (RuntimeException e) {
                results = Collections.nCopies(members.size(), LeaseOutcome.refused(e.toString()));
            }
            for (int j = 0; j < members.size(); j++) {
                Renewal r = renewals.get(members.get(j));
                LeaseOutcome o = results.get(j);
                outcomes[members.get(j)] = new VipReconciler.Outcome(r.owner(), r.interfaceName(), r.address(), true, !o.leased()
                        ? VipReconciler.Result.FAILED : o.wasAbsent() ? VipReconciler.Result.RESTORED : VipReconciler.Result.RENEWED,
                        o.leased() ? "" : o.refusal());
            }
        });
        return Arrays.asList(outcomes);
    }

    static VipReconciler.Outcome change(InterfaceRegistry interfaces, String owner, String interfaceName, VirtualAddress address, boolean add) {
        InterfaceAddress a = kernel(address);
        try {
            if (add) {
                return new VipReconciler.Outcome(owner, interfaceName, address, true, interfaces.addAddress(on(interfaceName, address), a)
                        ? VipReconciler.Result.ADDED : VipReconciler.Result.ALREADY_PRESENT, "");
            }
            return new VipReconciler.Outcome(owner, interfaceName, address, false, interfaces.removeAddress(on(interfaceName, address), a)
                    ? VipReconciler.Result.REMOVED : VipReconciler.Result.ALREADY_ABSENT, "");
        } catch (IOException | RuntimeException e) {
            if (!add && interfaces.byName(interfaceName).isEmpty()) {
                // an interface that is gone took its addresses with it (a VMAC deleted before its addresses)
                return new VipReconciler.Outcome(owner, interfaceName, address, false, VipReconciler.Result.ALREADY_ABSENT, "");
            }
            return new VipReconciler.Outcome(owner, interfaceName, address, add, VipReconciler.Result.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
