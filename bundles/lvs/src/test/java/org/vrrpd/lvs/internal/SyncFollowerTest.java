package org.vrrpd.lvs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.vrrpd.api.lvs.LvsSyncControl;
import org.vrrpd.api.lvs.SyncRole;
import org.vrrpd.api.vrrp.VrrpState;

/** The state-following logic against a test double of the control service. */
public class SyncFollowerTest {
    private final List<String> calls = new ArrayList<>();
    private boolean ipvs = true;

    private final LvsSyncControl control = new LvsSyncControl() {
        @Override
        public boolean available() {
            return ipvs;
        }

        @Override
        public void start(SyncRole role, String interfaceName, int syncId) throws IOException {
            check();
            calls.add("start " + role + " " + interfaceName + " " + syncId);
        }

        @Override
        public void stop(SyncRole role) throws IOException {
            check();
            calls.add("stop " + role);
        }

        private void check() throws IOException {
            if (!ipvs) {
                throw new IOException("IPVS unavailable: the kernel has no IPVS");
            }
        }
    };

    private final SyncFollower follower = new SyncFollower(control, "VI_1", "eth1", 51);

    @Test
    public void followsTheInstanceAsKeepalivedDoes() {
        follower.follow(VrrpState.BACKUP);
        follower.follow(VrrpState.MASTER);
        follower.follow(VrrpState.MASTER); // nothing to do
        follower.follow(VrrpState.FAULT);
        follower.follow(VrrpState.INITIALIZE);
        assertEquals(List.of("start BACKUP eth1 51", "stop BACKUP", "start MASTER eth1 51", "stop MASTER", "start BACKUP eth1 51",
                "stop BACKUP"), calls);
    }

    @Test
    public void withoutIpvsItWaitsAndAppliesOnceIpvsIsThere() {
        ipvs = false;
        follower.follow(VrrpState.MASTER);
        follower.retry();
        assertEquals(List.of(), calls);
        assertTrue(follower.describe(), follower.describe().contains("wants MASTER, running none (IPVS unavailable: the kernel has no IPVS)"));
        ipvs = true;
        follower.retry();
        follower.retry();
        assertEquals(List.of("start MASTER eth1 51"), calls);
        assertEquals("following VI_1 (MASTER) on eth1, sync id 51: wants MASTER, running MASTER", follower.describe());
    }

    @Test
    public void stoppingTheFollowerStopsTheDaemon() {
        follower.follow(VrrpState.MASTER);
        follower.stop();
        assertEquals(List.of("start MASTER eth1 51", "stop MASTER"), calls);
    }
}
