package org.vrrpd.mii.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.link.LinkSource;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.NetworkNamespace;
import org.vrrpd.lab.NetLab;

/**
 * The fallback chain on real drivers: veth and macvlan refuse MII and answer ETHTOOL, ifb refuses
 * both and is left to netlink's IFF_RUNNING. The peer of a veth going down is its carrier loss.
 */
public class LinkTrackerNamespaceTest {
    /** How long after the change the 10 ms polls may take to report it. */
    private static final double MAX_REPORT_MILLIS = 500;

    private final BlockingQueue<LinkStatus> told = new LinkedBlockingQueue<>();
    private NetLab lab;
    private String ns;
    private IoctlSocket socket;
    private LinkTracker tracker;

    @Before
    public void start() throws Exception {
        lab = NetLab.create();
        ns = lab.namespace("r1");
        lab.exec(ns, "ip", "link", "add", "eth0", "type", "veth", "peer", "name", "peer0").check();
        lab.exec(ns, "ip", "link", "add", "mv0", "link", "peer0", "type", "macvlan").check();
        lab.exec(ns, "ip", "link", "add", "ifb0", "type", "ifb").check();
        for (String i : List.of("eth0", "peer0", "mv0", "ifb0")) {
            lab.exec(ns, "ip", "link", "set", i, "up").check();
        }
        socket = NetworkNamespace.call(ns, IoctlSocket::open); // ioctls act on the namespace the socket was made in
        tracker = new LinkTracker(LinkProbe.of(socket), Clock.systemUTC(), (before, after) -> told.add(after), name -> true);
    }

    @After
    public void stop() {
        if (socket != null) {
            socket.close();
        }
        lab.close();
    }

    /** The interface as the kernel reports it now (what the reflector would hand over). */
    private NetInterface kernelView(String name) throws Exception {
        return new NetInterface(socket.interfaceIndex(name), name, socket.interfaceFlags(name), "?", null, 1500, null, List.of());
    }

    private LinkStatus next() throws InterruptedException {
        LinkStatus s = told.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no link change reported within 5 s");
        }
        return s;
    }

    /** Polls every 10 ms until a change is reported; prints how long after the ip command it was. */
    private LinkStatus pollUntilTold(String what) throws InterruptedException {
        long start = System.nanoTime();
        while (told.isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
            tracker.poll();
            Thread.sleep(10);
        }
        LinkStatus s = next();
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("link monitor: %-28s reported by %s after %.1f ms (10 ms polls)%n", what, s.source(), millis);
        // one poll after the change (about 10 ms, README figures); a bound that allows a loaded machine a few more
        assertTrue(what + ": reported by the first polls after the change, not " + millis + " ms later", millis < MAX_REPORT_MILLIS);
        return s;
    }

    @Test
    public void vethPeerDownIsCarrierLossSeenThroughEthtool() throws Exception {
        tracker.seen(kernelView("eth0"));
        LinkStatus first = next();
        assertEquals(LinkSource.ETHTOOL, first.source());
        assertEquals(LinkState.UP, first.state());
        assertTrue(tracker.notes().get("eth0"), tracker.notes().get("eth0").startsWith("no MII: ioctl(SIOCGMIIPHY, eth0): EOPNOTSUPP"));

        lab.exec(ns, "ip", "link", "set", "peer0", "down").check();
        LinkStatus down = pollUntilTold("veth peer down");
        assertEquals(LinkState.DOWN, down.state());
        assertEquals(LinkSource.ETHTOOL, down.source());
        assertEquals(1, down.changes());

        lab.exec(ns, "ip", "link", "set", "peer0", "up").check();
        LinkStatus up = pollUntilTold("veth peer up");
        assertEquals(LinkState.UP, up.state());
        assertEquals(2, up.changes());
    }

    @Test
    public void macvlanAnswersEthtoolToo() throws Exception {
        tracker.seen(kernelView("mv0"));
        assertEquals(LinkSource.ETHTOOL, next().source());
    }

    @Test
    public void ifbFallsBackToNetlinkAndFollowsItsRunningFlag() throws Exception {
        tracker.seen(kernelView("ifb0"));
        LinkStatus first = next();
        assertEquals(LinkSource.NETLINK, first.source());
        assertEquals(LinkState.UP, first.state());
        assertTrue(tracker.notes().get("ifb0"), tracker.notes().get("ifb0").contains("no ETHTOOL"));

        lab.exec(ns, "ip", "link", "set", "ifb0", "down").check();
        tracker.seen(kernelView("ifb0"));
        LinkStatus down = next();
        assertEquals(LinkState.DOWN, down.state());
        assertEquals(LinkSource.NETLINK, down.source());
    }
}
