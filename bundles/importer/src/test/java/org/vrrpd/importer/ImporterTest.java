package org.vrrpd.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ImporterTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static Path resource(String name) throws Exception {
        return Path.of(ImporterTest.class.getResource("/" + name).toURI());
    }

    @Test
    public void aRealisticConfigurationBecomesVrrpdsFiles() throws Exception {
        Importer.Result r = Importer.convert(resource("keepalived.conf"));
        assertEquals(List.of("org.vrrpd.vrrp.instance-VI_WEB.cfg", "org.vrrpd.track.interface-VI_WEB-eth1.cfg",
                "org.vrrpd.track.interface-VI_WEB-eth2.cfg", "org.vrrpd.track.script-VI_WEB-chk_haproxy.cfg",
                "org.vrrpd.notify.script-VI_WEB.cfg", "org.vrrpd.vrrp.instance-VI_DB.cfg",
                "org.vrrpd.track.script-VI_DB-chk_haproxy.cfg", "org.vrrpd.lvs.cfg"), List.copyOf(r.files().keySet()));
        assertEquals("""
                # imported from keepalived.conf by vrrp-import; the next import replaces or removes this file
                name = VI_WEB
                initialState = MASTER
                interfaceName = eth0
                vrid = 51
                priority = 150
                advertInterval = 1
                authType = pass
                authPassword = s3cret
                virtualAddresses = 192.0.2.100/24, 192.0.2.101/24;label=eth0:1
                syncGroup = VG_1
                """, r.files().get("org.vrrpd.vrrp.instance-VI_WEB.cfg"));
        assertTrue(r.files().get("org.vrrpd.track.interface-VI_WEB-eth1.cfg").contains("interfaceName = eth1\nweight = -20\n"));
        assertTrue("no weight: FAULT, as keepalived", r.files().get("org.vrrpd.track.interface-VI_WEB-eth2.cfg").contains("weight = 0\n"));
        assertEquals("""
                # imported from keepalived.conf by vrrp-import; the next import replaces or removes this file
                vrrp.instance = VI_WEB
                script = /usr/bin/killall -0 haproxy
                interval = 2
                timeout = 3
                rise = 2
                fall = 3
                weight = -30
                """, r.files().get("org.vrrpd.track.script-VI_WEB-chk_haproxy.cfg"));
        assertTrue("a track_script weight overrides the script's", r.files().get("org.vrrpd.track.script-VI_DB-chk_haproxy.cfg")
                .contains("weight = -50\n"));
        assertTrue(r.files().get("org.vrrpd.notify.script-VI_WEB.cfg").contains("notifyMaster = /etc/keepalived/master.sh web\n"
                + "notify = /etc/keepalived/notify.sh\n"));
        assertTrue(r.files().get("org.vrrpd.lvs.cfg"), r.files().get("org.vrrpd.lvs.cfg").contains("interfaceName = eth1"));
        assertTrue(r.files().get("org.vrrpd.vrrp.instance-VI_DB.cfg").contains("preempt = false\n"));
        assertTrue(r.files().get("org.vrrpd.vrrp.instance-VI_DB.cfg").contains("syncGroup = VG_1\n"));
        assertTrue(r.files().get("org.vrrpd.vrrp.instance-VI_DB.cfg").contains("authType = ah\nauthPassword = dbkey\n"));
        assertEquals(List.of(
                "not imported: keepalived.conf:3: global_defs router_id: ignored, vrrpd has no equivalent",
                "not imported: keepalived.conf:4: global_defs enable_script_security: ignored, vrrpd has no equivalent",
                "not imported: keepalived.conf:37: VI_WEB: IPv6 address 2001:db8::100/64 in an IPv4 instance (its family is its first "
                        + "address's): left out, as keepalived ignores it; give it an instance of its own",
                "not imported: keepalived.conf:49: VI_WEB: 'smtp_alert' not supported",
                "note: db.conf:7: VI_DB: advert_int 0.5 rounded to 1 s, as keepalived does for VRRPv2 (which counts whole seconds; version 3 takes "
                        + "fractions)"), r.notes());
    }

    @Test
    public void writesTheFilesWhereFileInstallReadsThem() throws Exception {
        Path etc = temp.newFolder("etc").toPath();
        List<String> said = Importer.write(Importer.convert(resource("keepalived.conf")), etc);
        assertTrue(said.toString(), said.contains("wrote " + etc.resolve("org.vrrpd.vrrp.instance-VI_DB.cfg")));
        assertTrue(Files.readString(etc.resolve("org.vrrpd.vrrp.instance-VI_DB.cfg")).contains("vrid = 52"));
    }

    @Test
    public void brokenSyntaxIsRefusedWithItsLine() throws Exception {
        Path bad = temp.newFile("bad.conf").toPath();
        Files.writeString(bad, "vrrp_instance X {\n  interface eth0\n");
        IOException e = assertThrows(IOException.class, () -> Importer.convert(bad));
        assertTrue(e.getMessage(), e.getMessage().endsWith("1 block(s) not closed: bad.conf:1"));
        Files.writeString(bad, "}\n");
        assertEquals("bad.conf:1: '}' without an open block",
                assertThrows(IOException.class, () -> Importer.convert(bad)).getMessage());
    }
}
