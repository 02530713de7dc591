package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** keepalived.conf files of a real pair, imported with bin/vrrp-import and keepalived:convert, make our daemons do what keepalived does. */
public class ImportIT extends LabTest {
    private static final String VIP = "192.0.2.100";

    public ImportIT() throws Exception {
        super("vrrpd-import");
    }

    /** The pair's configuration as keepalived users write it (the reference lab's r1.conf / r2.conf). */
    private Path keepalivedConf(String router, int priority, String state) throws Exception {
        return Files.writeString(work.resolve(router + ".conf"), "global_defs {\n    router_id kas-" + router + "\n}\n"
                + "vrrp_instance VI_1 {\n    state " + state + "\n    interface eth0\n    virtual_router_id 51\n    priority " + priority
                + "\n    advert_int 1\n    version 2\n    authentication {\n        auth_type PASS\n        auth_pass kaspike1\n    }\n"
                + "    virtual_ipaddress {\n        " + VIP + "/24\n    }\n}\n");
    }

    @Test
    public void anImportedPairElectsAndFailsOverAsKeepalivedDoes() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");

        // r1 through the command-line tool, before the daemon starts
        Path etc1 = work.resolve("r1-import");
        NetLab.Result tool = NetLab.host(Vrrpd.HOME.resolve("bin/vrrp-import").toString(), keepalivedConf("r1", 150, "MASTER").toString(),
                etc1.toString());
        assertEquals(tool.stderr(), 0, tool.exitCode());
        assertTrue(tool.stderr(), tool.stderr().contains("not imported: r1.conf:2: global_defs router_id: ignored, vrrpd has no equivalent"));
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Files.readString(etc1.resolve("org.vrrpd.vrrp.instance-VI_1.cfg"))));

        // r2 through the Gogo command, into its running daemon
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of());
        String converted = r2.vrrpctl("keepalived:convert", keepalivedConf("r2", 100, "BACKUP").toString()).check().stdout();
        assertTrue(converted, converted.contains("wrote " + r2.etcDir.resolve("org.vrrpd.vrrp.instance-VI_1.cfg")));

        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));
        assertTrue(r1.holds(VIP));
        assertTrue(r2.vrrpctl("vrrp:show", "VI_1").stdout().contains("authentication    pass"));
        r1.process().kill();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertTrue(r2.holds(VIP));
    }
}
