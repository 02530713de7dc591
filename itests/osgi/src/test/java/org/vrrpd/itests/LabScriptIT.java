package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** The README's first command ends in bin/vrrp-lab: election, takeover, preemption; it must pass and leave nothing behind. */
public class LabScriptIT {
    @Test
    public void labShowsElectionTakeoverAndPreemptionAndCleansUp() {
        Path home = Path.of(System.getProperty("vrrpd.dist.home"));
        // about 20 s; a loaded 2-core CI machine may need more
        NetLab.Result result = NetLab.host(Duration.ofSeconds(120), home.resolve("bin/vrrp-lab").toString());
        String output = result.stdout() + result.stderr();
        assertEquals(output, 0, result.exitCode());
        assertTrue(output, output.contains("the VIP 192.0.2.100 is on r1 only"));
        assertTrue(output, output.contains("the VIP 192.0.2.100 is on r2 now"));
        assertTrue(output, output.contains("the VIP 192.0.2.100 is back on r1 only"));
        Matcher gap = Pattern.compile("longest time without a ping reply: ([0-9.]+) s").matcher(output);
        assertTrue(output, gap.find());
        double seconds = Double.parseDouble(gap.group(1));
        System.out.printf("vrrp-lab: client ping gap on takeover %.3f s%n", seconds);
        assertTrue("the gap is the backup's Master_Down_Interval less the phase of the last advert: " + seconds,
                seconds > 2.0 && seconds < 4.5);
        assertTrue(output, output.contains("lab OK"));
        assertFalse(output, output.contains("Killed"));
        assertFalse("no lab namespace left: " + NetLab.listNamespaces(),
                NetLab.listNamespaces().stream().anyMatch(ns -> ns.startsWith(NetLab.PREFIX) && ns.endsWith("-0-br")));
    }
}
