package org.vrrpd.vrrp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;

/**
 * An interface registry with interfaces that are up, running and addressed, standing in for the
 * netlink bundle; its address changes take {@code stallMillis} each, like a kernel that is slow to
 * answer or a re-dump in progress. It remembers the addresses it was given, so a lease renewal
 * finds its address there (a registry that forgot would have every renewal restore it, with GARPs).
 */
final class FakeInterfaces implements InterfaceRegistry {
    private final List<NetInterface> interfaces;
    private final long stallMillis;
    final AtomicInteger changes = new AtomicInteger();
    private final Set<List<Object>> held = ConcurrentHashMap.newKeySet();

    /** {@code nameIndexAddress}: triples of name, index and "ADDRESS/PREFIX[,ADDRESS/PREFIX...]". */
    FakeInterfaces(long stallMillis, Object... nameIndexAddress) {
        this.stallMillis = stallMillis;
        NetInterface[] out = new NetInterface[nameIndexAddress.length / 3];
        for (int i = 0; i < out.length; i++) {
            String name = (String) nameIndexAddress[3 * i];
            List<InterfaceAddress> addresses = new java.util.ArrayList<>();
            for (String address : ((String) nameIndexAddress[3 * i + 2]).split(",")) {
                String[] cidr = address.split("/");
                try {
                    addresses.add(new InterfaceAddress(InetAddress.getByName(cidr[0]), Integer.parseInt(cidr[1]), false, name));
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
            out[i] = new NetInterface((Integer) nameIndexAddress[3 * i + 1], name, InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING,
                    "UP", null, 1500, "veth", addresses);
        }
        interfaces = List.of(out);
    }

    @Override
    public Collection<NetInterface> interfaces() {
        return interfaces;
    }

    @Override
    public Optional<NetInterface> byName(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public boolean addAddress(String interfaceName, InterfaceAddress address) {
        stall();
        return held.add(List.of(interfaceName, address));
    }

    @Override
    public boolean leaseAddress(String interfaceName, InterfaceAddress address, Duration lifetime) {
        stall();
        return held.add(List.of(interfaceName, address));
    }

    @Override
    public boolean removeAddress(String interfaceName, InterfaceAddress address) {
        stall();
        return held.remove(List.of(interfaceName, address));
    }

    private void stall() {
        changes.incrementAndGet();
        try {
            Thread.sleep(stallMillis); // the netlink call under test: slow, never on the event loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
