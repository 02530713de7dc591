package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/**
 * Help that helps, and quiet when unused: vrrpctl --help lists vrrpd's commands, each described
 * with its parameters; Gogo's help for every one of them says what it does and what each parameter
 * is; and walking them all on a daemon with nothing but defaults configured logs no warning.
 */
public class HelpIT extends LabTest {
    private static final List<String> EXPECTED = List.of("config:check", "iface:list", "iface:show", "keepalived:convert", "link:status", "lvs:status",
            "native:check", "vrrp:list", "vrrp:show", "vrrpd:commands");

    public HelpIT() throws Exception {
        super("vrrpd-help");
    }

    @Test
    public void everyCommandAndParameterIsDescribedAndListingThemWarnsAboutNothing() throws Exception {
        String br = lab.bridge("br");
        String ns = lab.namespace("r1");
        lab.link(br, ns, "eth0", "192.0.2.1/24");
        Vrrpd r1 = Vrrpd.start(lab, ns, work, "r1", Map.of());
        // the control socket comes up first; the other bundles register their commands as they start
        awaitTrue("every command registered", () -> r1.vrrpctl("--help").stdout().contains("\nvrrp:show\n"), Duration.ofSeconds(20));

        NetLab.Result help = r1.vrrpctl("--help");
        assertEquals(help.stderr(), 0, help.exitCode());
        assertTrue(help.stdout(), help.stdout().startsWith("usage: vrrpctl [--run-dir DIR] [--json] COMMAND [ARGS...]"));
        String catalog = help.stdout().substring(help.stdout().indexOf("vrrpd's commands"));
        List<String> commands = catalog.lines().skip(2).filter(l -> !l.startsWith(" ")).toList();
        assertEquals(catalog, EXPECTED, commands);
        assertFalse(catalog, catalog.contains("(no description)"));

        for (String command : commands) {
            NetLab.Result gogo = r1.vrrpctl("help", command);
            assertEquals(command + ": " + gogo.stderr(), 0, gogo.exitCode());
            String text = gogo.stdout();
            String function = command.substring(command.indexOf(':') + 1);
            assertTrue(command + ":\n" + text, text.matches("(?s)" + function + " - \\S.*\n   scope: .*"));
            boolean inParameters = false;
            for (String line : text.lines().toList()) {
                if (inParameters && !line.isBlank()) {
                    assertTrue(command + ": a parameter without a description:\n" + text, line.strip().matches("\\S+\\s+\\S.*"));
                }
                inParameters |= line.strip().equals("parameters:");
            }
        }
        assertTrue(r1.vrrpctl("help", "vrrp:show").stdout().contains("the instance name"));
        String log = r1.output();
        assertFalse("nothing warns about a feature that is not configured:\n" + log, log.contains("[WARN]") || log.contains("[ERROR]"));
    }

    @Test
    public void helpWithoutADaemonStillPrintsTheUsage() {
        NetLab.Result help = NetLab.host(Vrrpd.HOME.resolve("bin/vrrpctl").toString(), "--run-dir", work.resolve("none").toString(), "--help");
        assertEquals(help.stderr(), 0, help.exitCode());
        assertTrue(help.stdout(), help.stdout().contains("usage: vrrpctl") && help.stdout().contains("no daemon at "));
    }
}
