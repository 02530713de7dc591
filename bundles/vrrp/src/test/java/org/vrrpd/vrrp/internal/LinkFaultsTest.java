package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.vrrpd.api.link.LinkSource;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.NetInterface;

public class LinkFaultsTest {
    private static final NetInterface HEALTHY = new FakeInterfaces(0, "eth0", 2, "192.0.2.1/24").byName("eth0").orElseThrow();

    private static NetInterface withFlags(int flags) {
        return new NetInterface(2, "eth0", flags, "UP", null, 1500, "veth", HEALTHY.addresses());
    }

    @Test
    public void eachCauseInKeepalivedsOrder() {
        assertEquals("interface eth0 does not exist", LinkFaults.of("eth0", Optional.empty(), Optional.empty(), false));
        assertEquals("interface eth0 is down", LinkFaults.of("eth0", Optional.of(withFlags(0)), Optional.empty(), false));
        assertEquals("no carrier on eth0", LinkFaults.of("eth0", Optional.of(withFlags(InterfaceFlags.IFF_UP)), Optional.empty(), false));
        NetInterface noAddress = new NetInterface(2, "eth0", InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING, "UP", null, 1500, "veth", List.of());
        assertEquals("no IPv4 address on eth0", LinkFaults.of("eth0", Optional.of(noAddress), Optional.empty(), false));
        assertNull(LinkFaults.of("eth0", Optional.of(HEALTHY), Optional.empty(), false));
    }

    @Test
    public void anIpv6InstanceNeedsALinkLocalAddress() throws Exception {
        assertEquals("no IPv6 link-local address on eth0", LinkFaults.of("eth0", Optional.of(HEALTHY), Optional.empty(), true));
        NetInterface v6 = new NetInterface(2, "eth0", InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING, "UP", null, 1500, "veth",
                List.of(new InterfaceAddress(InetAddress.getByName("2001:db8::1"), 64, false, "eth0"),
                        new InterfaceAddress(InetAddress.getByName("fe80::cc99:64ff:fed7:3691"), 64, false, "eth0")));
        assertNull("no IPv4 address needed", LinkFaults.of("eth0", Optional.of(v6), Optional.empty(), true));
        assertEquals("the source: the link-local address", 0xcc99_64ff_fed7_3691L, RouterAddress.of(v6, true));
        assertEquals("no IPv4 address on eth0", LinkFaults.of("eth0", Optional.of(v6), Optional.empty(), false));
    }

    /** The kernel sends IPv6 from an address of the host only: an IPv6 unicastSource must be one of the interface's. */
    @Test
    public void anIpv6UnicastSourceMustBeAnAddressOfTheInterface() throws Exception {
        NetInterface v6 = new NetInterface(2, "eth0", InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING, "UP", null, 1500, "veth",
                List.of(new InterfaceAddress(InetAddress.getByName("2001:db8::1"), 64, false, "eth0"),
                        new InterfaceAddress(InetAddress.getByName("fe80::1"), 64, false, "eth0")));
        java.util.Map<String, Object> p = new java.util.HashMap<>(java.util.Map.of("name", "VI_6", "interfaceName", "eth0", "vrid", 51,
                "version", 3, "virtualAddresses", "2001:db8::100/64", "unicastPeers", "2001:db8::2", "unicastSource", "2001:db8::1"));
        assertNull(LinkFaults.ofUnicastSource(InstanceSettings.parse(p), Optional.of(v6)));
        p.put("unicastSource", "fe80::1");
        assertNull("a link-local source of the interface", LinkFaults.ofUnicastSource(InstanceSettings.parse(p), Optional.of(v6)));
        p.put("unicastSource", "2001:db8::9");
        assertEquals("unicastSource = 2001:db8::9 rejected: not an address of eth0", LinkFaults.ofUnicastSource(InstanceSettings.parse(p),
                Optional.of(v6)));
        p.remove("unicastSource");
        assertNull("the default: the link-local address", LinkFaults.ofUnicastSource(InstanceSettings.parse(p), Optional.of(v6)));
    }

    @Test
    public void aVmacNeedsNoAddressOfItsOwn() {
        NetInterface vmac = new NetInterface(5, "vrrp.51", InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING, "UP", Vmac.mac(51, false), 1500,
                "macvlan", List.of(), 2, Vmac.ALIAS_PREFIX + "VI_1");
        assertNull(LinkFaults.ofVmac("vrrp.51", Optional.of(vmac), Optional.empty()));
        NetInterface down = new NetInterface(5, "vrrp.51", 0, "DOWN", vmac.mac(), 1500, "macvlan", List.of(), 2, null);
        assertEquals("interface vrrp.51 is down", LinkFaults.ofVmac("vrrp.51", Optional.of(down), Optional.empty()));
        assertEquals("interface vrrp.51 does not exist", LinkFaults.ofVmac("vrrp.51", Optional.empty(), Optional.empty()));
    }

    @Test
    public void theLinkMonitorWinsOverIffRunning() {
        LinkStatus down = new LinkStatus("eth0", LinkState.DOWN, LinkSource.ETHTOOL, 1, Instant.EPOCH);
        assertEquals("a driver that keeps IFF_RUNNING with the cable pulled", "link down on eth0 (source ETHTOOL)",
                LinkFaults.of("eth0", Optional.of(HEALTHY), Optional.of(down), false));
        LinkStatus up = new LinkStatus("eth0", LinkState.UP, LinkSource.MII, 1, Instant.EPOCH);
        assertNull("the monitor's UP beats a missing IFF_RUNNING",
                LinkFaults.of("eth0", Optional.of(withFlags(InterfaceFlags.IFF_UP)), Optional.of(up), false));
    }
}
