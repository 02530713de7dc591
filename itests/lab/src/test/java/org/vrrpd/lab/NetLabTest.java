package org.vrrpd.lab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

public class NetLabTest {
    @Test
    public void namespacesAreWiredThroughTheBridgeAndRemovedOnClose() throws Exception {
        String r1;
        String br;
        Path dir = Files.createTempDirectory("netlab");
        try (NetLab lab = NetLab.create()) {
            br = lab.bridge("br");
            r1 = lab.namespace("r1");
            String r2 = lab.namespace("r2");
            String r1Port = lab.link(br, r1, "eth0", "192.0.2.1/24");
            lab.link(br, r2, "eth0", "192.0.2.2/24");
            // br0 itself sees only flooded frames (multicast, broadcast); unicast shows on the ports.
            Capture capture = lab.capture(br, r1Port, "icmp", dir.resolve("ping.pcap"));
            lab.exec(r1, "ping", "-c", "1", "-W", "5", "192.0.2.2").check();
            LabProcess sleeper = lab.start(r2, dir.resolve("sleep.log"), "sleep", "600");
            assertTrue(sleeper.isAlive());
            capture.stop();
            assertEquals("one echo request and one reply", 2, capture.fields("icmp", "ip.src").size());
            assertTrue(NetLab.listNamespaces().contains(r1));
        }
        NetLab.deleteRecursively(dir);
        assertFalse("namespaces are deleted on close", NetLab.listNamespaces().contains(r1));
        assertFalse(NetLab.listNamespaces().contains(br));
    }

    @Test
    public void leftoversOfDeadRunsAreSwept() {
        String orphan = NetLab.PREFIX + "999999999-1-r1"; // no such pid
        NetLab.host("ip", "netns", "add", orphan).check();
        NetLab.sweepLeftovers();
        assertFalse(NetLab.listNamespaces().contains(orphan));
    }

    @Test
    public void failedCommandsSayWhatFailed() {
        NetLab.Result result = NetLab.host("ip", "link", "show", "no-such-device-xyz");
        assertTrue(result.exitCode() != 0);
        try {
            result.check();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("no-such-device-xyz"));
            return;
        }
        throw new AssertionError("check() must throw");
    }

    @Test
    public void hostsOnBridgeEachGetEth0OnOneBridge() {
        try (NetLab lab = NetLab.create()) {
            List<String> hosts = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24", "cl");
            assertEquals(List.of(lab.namespaceOf("r1"), lab.namespaceOf("r2"), lab.namespaceOf("cl")), hosts);
            lab.exec(hosts.get(0), "ping", "-c", "1", "-W", "5", "192.0.2.2").check();
            String client = lab.exec(hosts.get(2), "ip", "addr", "show", "dev", "eth0").check().stdout();
            assertTrue("the client's eth0 is up: " + client, client.contains("LOWER_UP"));
            assertFalse("the client has no IPv4 address: " + client, client.contains("inet "));
        }
    }
}
