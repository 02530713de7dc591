package org.vrrpd.arp.internal;

import static org.junit.Assert.assertEquals;

import java.net.Inet4Address;
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

/** Gratuitous ARP sent for real from one namespace, captured in another and decoded by tshark. */
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
}
