package org.vrrpd.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/**
 * Third-party extensibility: a bundle built against the public SPI only (itests/plugin: one
 * Checker, one Notifier) is installed into a running master, started, and uninstalled again.
 */
public class PluginIT extends LabTest {
    private static final String PLUGIN = System.getProperty("vrrpd.plugin.jar");

    public PluginIT() throws Exception {
        super("vrrpd-plugin");
    }

    @Test
    public void aThirdPartyCheckerAndNotifierComeAndGoAtRuntime() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));

        String installed = r1.vrrpctl("install", "file:" + PLUGIN).check().stdout();
        String id = installed.replaceAll("(?s).*?(\\d+).*", "$1");
        r1.vrrpctl("start", id).check();
        // the plug-in's services bind asynchronously once the bundle is started
        String show = awaitContains("the plug-in's checker weighs on the instance", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(),
                Duration.ofSeconds(5), "checks            example-checker -7 (third-party weight)", "priority 143 (configured 150)");
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0, vrid 51, priority 143 (configured 150)"));

        lab.exec(ns1, "ip", "link", "set", "eth0", "down").check();
        r1.awaitState("VI_1", "FAULT", Duration.ofSeconds(3));
        lab.exec(ns1, "ip", "link", "set", "eth0", "up").check();
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(8));
        assertTrue(r1.output(), r1.process().awaitOutput("example notifier: VI_1 MASTER -> FAULT (priority 143)", Duration.ofSeconds(5)));
        assertTrue(r1.output(), r1.process().awaitOutput("example notifier: VI_1 BACKUP -> MASTER (priority 143)", Duration.ofSeconds(5)));

        r1.vrrpctl("uninstall", id).check();
        show = awaitContains("the checker leaves with its bundle", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "checks            none", "priority 150\n");
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0, vrid 51, priority 150\n"));
        int told = r1.output().split("example notifier:", -1).length;
        lab.exec(ns1, "ip", "link", "set", "eth0", "down").check();
        r1.awaitState("VI_1", "FAULT", Duration.ofSeconds(3));
        // Not a wait for an event: what is tested is that nothing comes; vrrpctl already reports FAULT, so
        // notifiers were due to be told of it, and a second leaves room for a slow one.
        Thread.sleep(1000);
        assertFalse("an uninstalled notifier is told nothing more", r1.output().split("example notifier:", -1).length > told);
    }
}
