package org.vrrpd.mii.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.link.LinkSource;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.NativeException;

/** Source choice, fallback and change reporting, against a scripted driver. */
public class LinkTrackerTest {
    private static final int UP_RUNNING = InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING;

    /** What each interface's driver answers; null = the ioctl fails with EOPNOTSUPP. */
    private final Map<String, Integer> bmsr = new HashMap<>();
    private final Map<String, Boolean> ethtool = new HashMap<>();
    private final List<String> told = new ArrayList<>();

    private final LinkProbe probe = new LinkProbe() {
        @Override
        public int miiStatus(String name) throws NativeException {
            Integer value = bmsr.get(name);
            if (value == null) {
                throw new NativeException("ioctl(SIOCGMIIPHY, " + name + ")", Errno.EOPNOTSUPP);
            }
            return value;
        }

        @Override
        public boolean ethtoolLink(String name) throws NativeException {
            Boolean value = ethtool.get(name);
            if (value == null) {
                throw new NativeException("ioctl(SIOCETHTOOL ETHTOOL_GLINK, " + name + ")", Errno.EOPNOTSUPP);
            }
            return value;
        }
    };

    private final LinkTracker tracker = new LinkTracker(probe, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
            (before, after) -> {
                // A listener that asks the monitor while being told must already get the new status.
                assertEquals(after, trackerStatus(after.interfaceName()));
                told.add((before == null ? "new" : before.state().toString()) + " -> " + after.state() + " " + after.source());
            },
            name -> !name.equals("lo"));

    private LinkStatus trackerStatus(String name) {
        return tracker.statuses().get(name);
    }

    private static NetInterface iface(String name, int flags) {
        return new NetInterface(7, name, flags, "UP", null, 1500, null, List.of());
    }

    private LinkStatus status(String name) {
        return tracker.statuses().get(name);
    }

    @Test
    public void miiIsPreferredAndItsLinkBitFollowed() {
        bmsr.put("eth0", 0x796d);
        ethtool.put("eth0", true);
        tracker.seen(iface("eth0", UP_RUNNING));
        assertEquals(LinkSource.MII, status("eth0").source());
        assertEquals(LinkState.UP, status("eth0").state());
        assertEquals("chosen on BMSR 0x796d (link up, autoneg complete)", tracker.notes().get("eth0"));

        bmsr.put("eth0", 0x7949); // cable pulled; the driver still says running, as some do
        tracker.poll();
        tracker.poll();
        assertEquals(LinkState.DOWN, status("eth0").state());
        assertEquals(1, status("eth0").changes());
        bmsr.put("eth0", 0x796d);
        tracker.poll();
        assertEquals(List.of("new -> UP MII", "UP -> DOWN MII", "DOWN -> UP MII"), told);
        assertEquals(2, status("eth0").changes());
    }

    @Test
    public void withoutMiiEthtoolIsPolledAndTheReasonKept() {
        ethtool.put("veth0", false);
        tracker.seen(iface("veth0", InterfaceFlags.IFF_UP));
        assertEquals(LinkSource.ETHTOOL, status("veth0").source());
        assertEquals(LinkState.DOWN, status("veth0").state());
        assertEquals("no MII: ioctl(SIOCGMIIPHY, veth0): EOPNOTSUPP (Operation not supported)", tracker.notes().get("veth0"));
        ethtool.put("veth0", true);
        tracker.poll();
        assertEquals(List.of("new -> DOWN ETHTOOL", "DOWN -> UP ETHTOOL"), told);
    }

    @Test
    public void withNeitherTheNetlinkRunningFlagDecidesOnEvents() {
        tracker.seen(iface("ifb0", UP_RUNNING));
        assertEquals(LinkSource.NETLINK, status("ifb0").source());
        assertTrue(tracker.notes().get("ifb0"), tracker.notes().get("ifb0").contains("no ETHTOOL: ioctl(SIOCETHTOOL ETHTOOL_GLINK, ifb0)"));
        tracker.poll(); // nothing to poll
        tracker.seen(iface("ifb0", InterfaceFlags.IFF_UP));
        tracker.seen(iface("ifb0", InterfaceFlags.IFF_UP)); // a repeated event is not a change
        assertEquals(List.of("new -> UP NETLINK", "UP -> DOWN NETLINK"), told);
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), status("ifb0").lastChange());
    }

    @Test
    public void aPolledSourceThatStopsAnsweringFallsBack() {
        bmsr.put("eth1", 0x796d);
        ethtool.put("eth1", true);
        tracker.seen(iface("eth1", UP_RUNNING));
        bmsr.remove("eth1");
        tracker.poll();
        assertEquals(LinkSource.ETHTOOL, status("eth1").source());
        assertEquals(LinkState.UP, status("eth1").state());
        assertEquals("the source changed, not the link", List.of("new -> UP MII"), told);
    }

    @Test
    public void aDriverThatAnswersMiiOnlyWhenUpGetsMiiOnceUp() {
        ethtool.put("eth2", false);
        tracker.seen(iface("eth2", 0));
        assertEquals(LinkSource.ETHTOOL, status("eth2").source());
        bmsr.put("eth2", 0x796d);
        tracker.seen(iface("eth2", UP_RUNNING));
        assertEquals(LinkSource.MII, status("eth2").source());
        assertEquals(LinkState.UP, status("eth2").state());
    }

    @Test
    public void onlyMonitoredInterfacesAndGoneOnesForgotten() {
        ethtool.put("lo", true);
        tracker.seen(iface("lo", UP_RUNNING));
        assertNull(status("lo"));
        ethtool.put("eth3", true);
        tracker.seen(iface("eth3", UP_RUNNING));
        tracker.gone("eth3");
        assertNull(status("eth3"));
        assertTrue(tracker.statuses().isEmpty());
    }
}
