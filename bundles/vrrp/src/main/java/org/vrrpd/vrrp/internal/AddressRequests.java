package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.time.Duration;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceRegistry;
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

    /** Leases {@code address} ({@code lease} zero: forever); {@code whenAbsent} is the result if it was not there. */
    static VipReconciler.Outcome lease(InterfaceRegistry interfaces, String owner, String interfaceName, VirtualAddress address, Duration lease,
                                 VipReconciler.Result whenAbsent) {
        InterfaceAddress a = kernel(address);
        try {
            boolean absent = interfaces.leaseAddress(on(interfaceName, address), a, lease);
            return new VipReconciler.Outcome(owner, interfaceName, address, true, absent ? whenAbsent
                    : whenAbsent == VipReconciler.Result.ADDED ? VipReconciler.Result.ALREADY_PRESENT : VipReconciler.Result.RENEWED, "");
        } catch (IOException | RuntimeException e) {
            return new VipReconciler.Outcome(owner, interfaceName, address, true, VipReconciler.Result.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
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
