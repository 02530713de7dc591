package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/**
 * The daemon needs no root: as user nobody with only CAP_NET_RAW and CAP_NET_ADMIN (what the
 * systemd unit grants) it elects, holds the VIP and sends adverts and gratuitous ARPs; and nothing
 * of it listens on the network, the shell included.
 */
public class LeastPrivilegeIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    /** CAP_NET_ADMIN (12) and CAP_NET_RAW (13). */
    private static final long NET_ADMIN_AND_RAW = (1L << 12) | (1L << 13);

    public LeastPrivilegeIT() throws Exception {
        super("vrrpd-privilege");
    }

    @Test
    public void aNonRootDaemonWithTwoCapabilitiesWinsAndHoldsTheVipAndListensOnNoPort() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        Capture arp = lab.capture(br, "br0", "arp", work.resolve("arp.pcap"));
        // the daemon's own folder belongs to it, as /run/vrrpd would under systemd
        NetLab.host("chmod", "755", work.toString()).check();
        NetLab.host("install", "-d", "-o", "nobody", "-g", "nogroup", work.resolve("r1").toString()).check();
        Vrrpd unprivileged = Vrrpd.startAs(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, 150, VIP + "/24")), Vrrpd.readableInstallation(work), "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "--inh-caps=-all,+net_raw,+net_admin", "--ambient-caps=-all,+net_raw,+net_admin", "--bounding-set=-all,+net_raw,+net_admin");
        Vrrpd root = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));

        String status = Files.readString(Path.of("/proc", String.valueOf(unprivileged.process().pid()), "status"));
        assertTrue(status, status.matches("(?s).*\\nUid:\\s+65534\\s+65534\\s+65534\\s+65534\\n.*"));
        assertEquals("effective capabilities", NET_ADMIN_AND_RAW, capabilities(status, "CapEff"));
        assertEquals("bounding set", NET_ADMIN_AND_RAW, capabilities(status, "CapBnd"));

        unprivileged.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        root.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));
        assertTrue("the VIP added through netlink", unprivileged.holds(VIP));
        // the backup may be up before the master's first advert reaches it: wait for one, not for the state alone
        awaitTrue("the backup hears the unprivileged master's adverts",
                () -> root.vrrpctl("vrrp:show", "VI_1").check().stdout().contains("master            192.0.2.1"), Duration.ofSeconds(5));
        String mac = ArpProbe.mac(lab, ns1);
        String garpFromMaster = "arp.isgratuitous == 1 and arp.src.proto_ipv4 == " + VIP + " and eth.src == " + mac;
        assertTrue("gratuitous ARPs from AF_PACKET", arp.awaitPackets(garpFromMaster, 1, Duration.ofSeconds(5)));
        arp.stop();

        for (String ns : new String[] {ns1, ns2}) {
            String listening = lab.exec(ns, "ss", "-H", "-l", "-t", "-u", "-n").check().stdout().strip();
            assertEquals("TCP/UDP sockets listening in " + ns + " (the daemon's only door is its Unix socket)", "", listening);
        }
    }

    private static long capabilities(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field + ":")).map(l -> Long.parseUnsignedLong(l.substring(field.length() + 1).strip(), 16))
                .findFirst().orElseThrow();
    }
}
