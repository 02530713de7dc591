package org.vrrpd.lvs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import org.junit.Test;
import org.vrrpd.api.lvs.SyncRole;

/** Against this kernel: IPVS is resolved through the generic netlink controller, or clearly reported missing. */
public class GenlIpvsTest {
    @Test
    public void resolvesTheFamilyOrSaysTheKernelHasNoIpvs() throws Exception {
        GenlIpvs ipvs = new GenlIpvs();
        ipvs.activate();
        try {
            if (ipvs.available()) {
                assertTrue(ipvs.describe(), ipvs.describe().startsWith("available (generic netlink family IPVS, id "));
                return;
            }
            assertEquals("unavailable: the kernel has no IPVS (generic netlink family \"IPVS\" not found; is the ip_vs module loaded?);"
                    + " asked again at most every 30 s", ipvs.describe());
            try {
                ipvs.start(SyncRole.MASTER, "eth0", 51);
                fail("started without IPVS");
            } catch (IOException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("IPVS unavailable: the kernel has no IPVS"));
            }
            System.out.println("lvs: " + ipvs.describe());
        } finally {
            ipvs.deactivate();
        }
    }
}
