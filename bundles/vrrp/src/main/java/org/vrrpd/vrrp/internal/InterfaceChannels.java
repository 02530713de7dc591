package org.vrrpd.vrrp.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.NativeException;

/**
 * One {@link InterfaceChannel} per interface and address family that has instances, opened and closed as instances
 * and interfaces come and go, and the interface fault policy: a channel joins the VRRP group only
 * while its interface is healthy, and each instance on it is faulted with the interface's cause.
 * A VMAC's channel is on the macvlan, which has no address of its own: its adverts leave with the
 * parent's address, and the parent's health counts as the macvlan's. Loop thread only.
 */
final class InterfaceChannels {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceChannels.class);

    private final Descriptors loop;
    private final ChannelSockets.Factory sockets;
    private final InterfaceChannel.Receiver receiver;
    private final InstanceRegistry instances;
    private final Supplier<InterfaceRegistry> registry;
    private final Supplier<LinkMonitor> links;
    private final MemberFaults memberFaults;
    private final SendBatches turn;
    private final Map<String, InterfaceChannel> ipv4 = new HashMap<>();
    private final Map<String, InterfaceChannel> ipv6 = new HashMap<>();

    InterfaceChannels(Descriptors loop, SendBatches turn, ChannelSockets.Factory sockets, InterfaceChannel.Receiver receiver,
                      InstanceRegistry instances, Supplier<InterfaceRegistry> registry, Supplier<LinkMonitor> links, MemberFaults memberFaults) {
        this.memberFaults = memberFaults;
        this.turn = turn;
        this.loop = loop;
        this.sockets = sockets;
        this.receiver = receiver;
        this.instances = instances;
        this.registry = registry;
        this.links = links;
    }

    /** The channel of the instance's interface and family, or null while it has none. */
    InterfaceChannel of(VrrpInstance instance) {
        return channels(instance.settings().ipv6()).get(instance.settings().channelInterface());
    }

    /** A fault of one instance beyond its channel's interface (its VMAC), or null. */
    interface MemberFaults {
        MemberFaults NONE = (settings, interfaces) -> null;

        String of(InstanceSettings settings, InterfaceRegistry interfaces);
    }

    /** Refreshes {@code name} and every channel whose instances depend on it (a VMAC's parent, a parent's VMAC). */
    void refreshConcerning(String name) {
        refresh(name);
        for (String channel : instances.channelsConcerning(name)) {
            if (!channel.equals(name)) {
                refresh(channel);
            }
        }
    }

    private Map<String, InterfaceChannel> channels(boolean v6) {
        return v6 ? ipv6 : ipv4;
    }

    /** Brings the channels and the instances on {@code name} in line with the interface as it is now. */
    void refresh(String name) {
        refresh(name, false);
        refresh(name, true);
    }

    private void refresh(String name, boolean v6) {
        List<VrrpInstance> members = instances.on(name).stream().filter(m -> m.settings().ipv6() == v6).toList();
        InterfaceChannel channel = channels(v6).get(name);
        InterfaceRegistry interfaces = registry.get();
        if (interfaces == null) {
            // The netlink bundle is away (being updated): what runs keeps running on what it knew.
            if (channel == null) {
                members.forEach(m -> m.setInterfaceFault("waiting for the interface registry (netlink bundle)"));
            }
            return;
        }
        Optional<NetInterface> iface = interfaces.byName(name);
        if (channel != null && (members.isEmpty() || iface.isEmpty() || channel.index() != iface.get().index())) {
            close(channel);
            channel = null;
        }
        // The parent of a VMAC channel (all its members share one interfaceName): its address and health are the channel's.
        String parentName = members.isEmpty() ? name : members.get(0).settings().interfaceName();
        Optional<NetInterface> parent = parentName.equals(name) ? iface : interfaces.byName(parentName);
        String fault = LinkFaults.of(parentName, parent, linkStatus(parentName), v6);
        if (fault == null && !parentName.equals(name)) {
            fault = LinkFaults.ofVmac(name, iface, linkStatus(name));
        }
        if (!members.isEmpty() && iface.isPresent() && channel == null) {
            try {
                channel = open(iface.get(), v6);
            } catch (NativeException e) {
                fault = "cannot open the VRRP " + (v6 ? "IPv6 " : "") + "socket on " + name + ": " + e.getMessage();
            }
        }
        if (channel != null) {
            for (VrrpInstance m : members) {
                if (channel.instance(m.settings().vrid()) != m) {
                    channel.attach(m);
                }
            }
            channel.setPrimary(parent.map(i -> RouterAddress.of(i, v6)).orElse(0L));
            try {
                // unicast instances need no group: join only while some instance here is multicast
                channel.setJoined(fault == null && members.stream().anyMatch(m -> !m.settings().unicast().enabled()));
            } catch (NativeException e) {
                fault = "cannot join the VRRP group on " + name + ": " + e.getMessage();
            }
        }
        for (VrrpInstance m : members) {
            String own = memberFaults.of(m.settings(), interfaces);
            m.setInterfaceFault(own != null ? own : fault);
        }
    }

    private Optional<LinkStatus> linkStatus(String name) {
        LinkMonitor monitor = links.get();
        return monitor == null ? Optional.empty() : monitor.status(name);
    }

    /** The instance no longer runs here: it leaves its channel, which closes when it was the last. */
    void detach(VrrpInstance instance) {
        InterfaceChannel channel = of(instance);
        if (channel != null && channel.detach(instance)) {
            close(channel);
        }
    }

    private InterfaceChannel open(NetInterface iface, boolean v6) throws NativeException {
        InterfaceChannel channel = new InterfaceChannel(iface.name(), iface.index(), v6, sockets.open(iface.name(), iface.index(), v6),
                receiver, turn);
        channels(v6).put(iface.name(), channel);
        int[] fds = channel.fds();
        for (int socket = 0; socket < fds.length; socket++) {
            int which = socket;
            loop.register(fds[socket], () -> {
                try {
                    channel.drain(which);
                } catch (NativeException e) {
                    LOG.warn("{}: receive failed: {}", channel.name(), e.getMessage());
                }
            });
        }
        return channel;
    }

    private void close(InterfaceChannel channel) {
        for (int fd : channel.fds()) {
            loop.unregister(fd);
        }
        channel.close();
        channels(channel.ipv6()).remove(channel.name());
    }

    /** Closes every channel (the engine stops). */
    void closeAll() {
        List.copyOf(ipv4.values()).forEach(this::close);
        List.copyOf(ipv6.values()).forEach(this::close);
    }
}
