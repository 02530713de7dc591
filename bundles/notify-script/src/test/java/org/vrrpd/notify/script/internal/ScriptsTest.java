package org.vrrpd.notify.script.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.Test;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

public class ScriptsTest {
    private static StateChange to(VrrpState state) {
        return new StateChange("VI_1", 51, VrrpState.BACKUP, state, 150, "test", Instant.EPOCH);
    }

    @Test
    public void theSpecificScriptRunsFirstThenTheGenericOneWithKeepalivedsArguments() {
        Scripts s = new Scripts("/n.sh", "/m.sh master", "/b.sh", "/f.sh", "/s.sh");
        assertEquals(List.of(List.of("/m.sh", "master"), List.of("/n.sh", "INSTANCE", "VI_1", "MASTER", "150")), s.commandsFor(to(VrrpState.MASTER)));
        assertEquals(List.of(List.of("/b.sh"), List.of("/n.sh", "INSTANCE", "VI_1", "BACKUP", "150")), s.commandsFor(to(VrrpState.BACKUP)));
        assertEquals(List.of(List.of("/f.sh"), List.of("/n.sh", "INSTANCE", "VI_1", "FAULT", "150")), s.commandsFor(to(VrrpState.FAULT)));
        assertEquals("a stopped instance is STOP", List.of(List.of("/s.sh"), List.of("/n.sh", "INSTANCE", "VI_1", "STOP", "150")),
                s.commandsFor(to(VrrpState.INITIALIZE)));
        assertEquals(List.of(), new Scripts(null, null, null, null, null).commandsFor(to(VrrpState.MASTER)));
    }
}
