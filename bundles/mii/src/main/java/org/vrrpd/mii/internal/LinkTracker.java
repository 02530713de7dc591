package org.vrrpd.mii.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.link.LinkSource;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.NativeException;

/**
 * The link state of each monitored interface and where it comes from. Per interface the source is
 * chosen when it is first seen (and again when a polled source stops answering, or when the
 * interface is brought up without MII): the MII BMSR if the driver answers SIOCGMIIPHY/SIOCGMIIREG,
 * else ETHTOOL_GLINK, else netlink's IFF_RUNNING. MII and ETHTOOL are polled; NETLINK follows the
 * reflector's events. Confined to one thread; readers get the immutable {@link #statuses()}.
 */
final class LinkTracker {
    private static final Logger LOG = LoggerFactory.getLogger(LinkTracker.class);

    interface Sink {
        void changed(LinkStatus before, LinkStatus after);
    }

    /** One monitored interface. */
    private static final class Link {
        final String name;
        LinkSource source;
        LinkState state = LinkState.UNKNOWN;
        boolean running;
        boolean up;
        /** Why a better source was not used, or the last BMSR reading. */
        String note = "";
        LinkStatus status;

        Link(String name) {
            this.name = name;
        }
    }

    private final LinkProbe probe;
    private final Clock clock;
    private final Sink sink;
    private final Predicate<String> monitored;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private volatile Map<String, LinkStatus> statuses = Map.of();
    private volatile Map<String, String> notes = Map.of();
    private boolean dirty;
    /** Changes to tell once the new statuses are published, so a listener that asks sees them. */
    private final List<LinkStatus[]> untold = new ArrayList<>();

    LinkTracker(LinkProbe probe, Clock clock, Sink sink, Predicate<String> monitored) {
        this.probe = probe;
        this.clock = clock;
        this.sink = sink;
        this.monitored = monitored;
    }

    Map<String, LinkStatus> statuses() {
        return statuses;
    }

    /** Why each interface uses the source it does (or its last BMSR reading). */
    Map<String, String> notes() {
        return notes;
    }

    /** The interface as the reflector shows it now: start monitoring it, or follow its flags. */
    void seen(NetInterface iface) {
        if (!monitored.test(iface.name())) {
            return;
        }
        Link link = links.get(iface.name());
        boolean cameUp = link != null && !link.up && iface.isUp();
        if (link == null) {
            link = new Link(iface.name());
            links.put(link.name, link);
        }
        link.running = iface.isRunning();
        link.up = iface.isUp();
        if (link.source == null || (cameUp && link.source != LinkSource.MII)) {
            choose(link); // some drivers answer MII only while the interface is up
        } else if (link.source == LinkSource.NETLINK) {
            set(link, link.running ? LinkState.UP : LinkState.DOWN);
        }
        publish();
    }

    /** The interface is gone (or renamed away): stop monitoring it. */
    void gone(String name) {
        if (links.remove(name) != null) {
            dirty = true;
            publish();
        }
    }

    /** Reads every polled source once. */
    void poll() {
        for (Link link : links.values()) {
            if (link.source == LinkSource.NETLINK) {
                continue;
            }
            try {
                set(link, read(link.name, link.source));
            } catch (NativeException e) {
                LOG.warn("{}: {} stopped answering ({}); choosing the link source again", link.name, link.source, e.getMessage());
                choose(link);
            }
        }
        publish();
    }

    private LinkState read(String name, LinkSource source) throws NativeException {
        if (source == LinkSource.MII) {
            int bmsr = probe.miiStatus(name);
            return Bmsr.linkUp(bmsr) ? LinkState.UP : LinkState.DOWN;
        }
        return probe.ethtoolLink(name) ? LinkState.UP : LinkState.DOWN;
    }

    /** Tries MII, then ETHTOOL, then settles for netlink's IFF_RUNNING; says which and why. */
    private void choose(Link link) {
        LinkSource before = link.source;
        String note;
        LinkState state;
        try {
            int bmsr = probe.miiStatus(link.name);
            link.source = LinkSource.MII;
            state = Bmsr.linkUp(bmsr) ? LinkState.UP : LinkState.DOWN;
            note = "chosen on BMSR 0x" + Integer.toHexString(bmsr) + " (" + Bmsr.describe(bmsr) + ")";
        } catch (NativeException mii) {
            try {
                state = probe.ethtoolLink(link.name) ? LinkState.UP : LinkState.DOWN;
                link.source = LinkSource.ETHTOOL;
                note = "no MII: " + mii.getMessage();
            } catch (NativeException ethtool) {
                link.source = LinkSource.NETLINK;
                state = link.running ? LinkState.UP : LinkState.DOWN;
                note = "no MII: " + mii.getMessage() + "; no ETHTOOL: " + ethtool.getMessage();
            }
        }
        link.note = note;
        if (link.source != before) {
            LOG.info("{}: link {} from {} ({})", link.name, state, link.source, note);
            dirty = true;
        }
        set(link, state);
    }

    private void set(Link link, LinkState state) {
        if (state == link.state && link.status != null && link.status.source() == link.source) {
            return;
        }
        LinkStatus before = link.status;
        boolean flipped = before != null && before.state() != state;
        link.state = state;
        link.status = new LinkStatus(link.name, state, link.source, before == null ? 0 : before.changes() + (flipped ? 1 : 0),
                before == null || flipped ? clock.instant() : before.lastChange());
        dirty = true;
        if (before == null || flipped) {
            if (flipped) {
                LOG.info("{}: link {} ({})", link.name, state, link.source);
            }
            untold.add(new LinkStatus[] {before, link.status});
        }
    }

    private void publish() {
        if (!dirty) {
            return;
        }
        Map<String, LinkStatus> s = new LinkedHashMap<>();
        Map<String, String> n = new LinkedHashMap<>();
        for (Link link : links.values()) {
            s.put(link.name, link.status);
            n.put(link.name, link.note);
        }
        statuses = Map.copyOf(s);
        notes = Map.copyOf(n);
        dirty = false;
        for (LinkStatus[] change : untold) {
            sink.changed(change[0], change[1]);
        }
        untold.clear();
    }
}
