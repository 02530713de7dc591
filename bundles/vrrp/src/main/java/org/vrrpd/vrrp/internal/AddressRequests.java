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

    /** Leases {@code address} ({@code lease} zero: forever); {@code whenAbsent} is the result if it was not there. */
    static VipReconciler.Outcome lease(InterfaceRegistry interfaces, String owner, String interfaceName, VirtualAddress address, Duration lease,
                                 VipReconciler.Result whenAbsent) {
        InterfaceAddress a = new InterfaceAddress(address.address(), address.prefixLength(), false, null);
        try {
            boolean absent = interfaces.leaseAddress(interfaceName, a, lease);
            return new VipReconciler.Outcome(owner, interfaceName, address, true, absent ? whenAbsent
                    : whenAbsent == VipReconciler.Result.ADDED ? VipReconciler.Result.ALREADY_PRESENT : VipReconciler.Result.RENEWED, "");
        } catch (IOException | RuntimeException e) {
            return new VipReconciler.Outcome(owner, interfaceName, address, true, VipReconciler.Result.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    static VipReconciler.Outcome change(InterfaceRegistry interfaces, String owner, String interfaceName, VirtualAddress address, boolean add) {
        InterfaceAddress a = new InterfaceAddress(address.address(), address.prefixLength(), false, null);
        try {
            if (add) {
                return new VipReconciler.Outcome(owner, interfaceName, address, true, interfaces.addAddress(interfaceName, a)
                        ? VipReconciler.Result.ADDED : VipReconciler.Result.ALREADY_PRESENT, "");
            }
            return new VipReconciler.Outcome(owner, interfaceName, address, false, interfaces.removeAddress(interfaceName, a)
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
