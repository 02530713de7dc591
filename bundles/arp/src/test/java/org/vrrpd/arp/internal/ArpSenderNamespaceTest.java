package org.vrrpd.arp.internal;

import static org.junit.Assert.assertEquals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.NetworkNamespace;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/** Gratuitous ARP and unsolicited Neighbor Advertisements sent for real from one namespace, captured in another and decoded by tshark. */
public class ArpSenderNamespaceTest {
    private NetLab lab;
    private Path dir;

    @Before
    public void start() throws Exception {
        lab = NetLab.create();
        dir = Files.createTempDirectory("arp-test");
    }

    @After
    public void stop() throws Exception {
        lab.close();
        NetLab.deleteRecursively(dir);
    }

    @Test
    public void announcementIsSeenByTheNeighbourWithTheSendersMac() throws Exception {
        String br = lab.bridge("br");
        String r1 = lab.namespace("r1");
        String client = lab.namespace("cl");
        lab.link(br, r1, "eth0", "192.0.2.1/24");
        lab.link(br, client, "eth0", "192.0.2.10/24");
        Capture capture = lab.capture(client, "eth0", "arp", dir.resolve("garp.pcap"));

        String mac = NetworkNamespace.call(r1, () -> {
            ArpSender sender = new ArpSender();
            sender.activate();
            try (IoctlSocket ioctl = IoctlSocket.open()) {
                MacAddress own = MacAddress.of(ioctl.hardwareAddress("eth0"));
                Inet4Address vip = (Inet4Address) InetAddress.getByName("192.0.2.100");
                for (int i = 0; i < 3; i++) {
                    sender.announce(ioctl.interfaceIndex("eth0"), own, vip);
                }
                return own.toString();
            } finally {
                sender.deactivate();
            }
        });

        List<String[]> rows = capture.stop().fields("arp", "eth.src", "eth.dst", "arp.opcode", "arp.isgratuitous",
                "arp.src.hw_mac", "arp.src.proto_ipv4", "arp.dst.hw_mac", "arp.dst.proto_ipv4");
        assertEquals(3, rows.size());
        for (String[] row : rows) {
            assertEquals(List.of(mac, "ff:ff:ff:ff:ff:ff", "1", "1", mac, "192.0.2.100", "ff:ff:ff:ff:ff:ff", "192.0.2.100"),
                    List.of(row));
        }
    }

    @Test
    public void theNeighbourSeesAnOverridingAdvertisementWithTheGivenMac() throws Exception {
        String br = lab.bridge("br");
        String r1 = lab.namespace("r1");
        String client = lab.namespace("cl");
        lab.link(br, r1, "eth0", null);
        lab.link(br, client, "eth0", null);
        lab.enableIpv6(client, "eth0");
        Capture capture = lab.capture(client, "eth0", "icmp6 and ip6[40] == 136", dir.resolve("na.pcap"));
        MacAddress virtual = MacAddress.of(new byte[] {0, 0, 0x5e, 0, 2, 11}); // the source MAC is the caller's: a VMAC too

        String mac = NetworkNamespace.call(r1, () -> {
            NaSender sender = new NaSender();
            sender.activate();
            try (IoctlSocket ioctl = IoctlSocket.open()) {
                MacAddress own = MacAddress.of(ioctl.hardwareAddress("eth0"));
                Inet6Address vip = (Inet6Address) InetAddress.getByName("2001:db8::100");
                sender.advertise(ioctl.interfaceIndex("eth0"), own, vip, false);
                sender.advertise(ioctl.interfaceIndex("eth0"), own, vip, false);
                sender.advertise(ioctl.interfaceIndex("eth0"), virtual, vip, true);
                return own.toString();
            } finally {
                sender.deactivate();
            }
        });

        List<String[]> rows = capture.stop().fields("icmpv6", "eth.src", "eth.dst", "ipv6.src", "ipv6.dst", "ipv6.hlim", "icmpv6.type",
                "icmpv6.checksum.status", "icmpv6.nd.na.flag.r", "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.target_address",
                "icmpv6.opt.linkaddr");
        assertEquals(3, rows.size());
        List<String> expected = List.of(mac, "33:33:00:00:00:01", "2001:db8::100", "ff02::1", "255", "136", "1", "0", "0", "1",
                "2001:db8::100", mac);
        assertEquals(expected, List.of(rows.get(0)));
        assertEquals(expected, List.of(rows.get(1)));
        assertEquals(List.of("00:00:5e:00:02:0b", "33:33:00:00:00:01", "2001:db8::100", "ff02::1", "255", "136", "1", "1", "0", "1",
                "2001:db8::100", "00:00:5e:00:02:0b"), List.of(rows.get(2)));
    }
}
