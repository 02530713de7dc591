package org.vrrpd.lvs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.vrrpd.api.lvs.SyncRole;

/**
 * Against this kernel: IPVS is resolved through the generic netlink controller, or clearly reported
 * missing. Which of the two is right is decided by the kernel, not by the class under test: the ip_vs
 * module, once loaded, shows itself as /proc/net/ip_vs.
 */
public class GenlIpvsTest {
    private static final String NO_IPVS = "the kernel has no IPVS (generic netlink family \"IPVS\" not found; is the ip_vs module loaded?)";

    @Test
    public void resolvesTheFamilyOrSaysTheKernelHasNoIpvs() throws Exception {
        GenlIpvs ipvs = new GenlIpvs();
        ipvs.activate(); // the lookup may load ip_vs on demand: ask the kernel afterwards
        try {
            boolean kernelHasIpvs = Files.exists(Path.of("/proc/net/ip_vs"));
            assertEquals("IPVS available as the kernel says (/proc/net/ip_vs " + (kernelHasIpvs ? "exists" : "absent") + "): "
                    + ipvs.describe(), kernelHasIpvs, ipvs.available());
            if (kernelHasIpvs) {
                assertTrue(ipvs.describe(), ipvs.describe().matches("available \\(generic netlink family IPVS, id [1-9][0-9]*\\)"));
                return;
            }
            // the exact text is produced only when the controller answers ENOENT to CTRL_CMD_GETFAMILY(IPVS)
            assertEquals("unavailable: " + NO_IPVS + "; asked again at most every 30 s", ipvs.describe());
            IOException start = assertThrows(IOException.class, () -> ipvs.start(SyncRole.MASTER, "eth0", 51));
            assertEquals("IPVS unavailable: " + NO_IPVS, start.getMessage());
            IOException stop = assertThrows(IOException.class, () -> ipvs.stop(SyncRole.BACKUP));
            assertEquals("IPVS unavailable: " + NO_IPVS, stop.getMessage());
        } finally {
            ipvs.deactivate();
        }
    }
}
