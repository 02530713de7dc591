package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** The README's first command ends in bin/vrrp-lab: it must pass and leave nothing behind. */
public class LabScriptIT {
    @Test
    public void labRunsTwoDaemonsAndCleansUp() {
        Path home = Path.of(System.getProperty("vrrpd.dist.home"));
        NetLab.Result result = NetLab.host(home.resolve("bin/vrrp-lab").toString());
        String output = result.stdout() + result.stderr();
        assertEquals(output, 0, result.exitCode());
        assertTrue(output, output.contains("lab OK"));
        assertEquals(output, 2, output.split("native check OK", -1).length - 1);
        assertFalse("no lab namespace left: " + NetLab.listNamespaces(),
                NetLab.listNamespaces().stream().anyMatch(ns -> ns.startsWith(NetLab.PREFIX) && ns.endsWith("-0-br")));
    }
}
