package org.vrrpd.notify.script.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;
import org.vrrpd.api.vrrp.VrrpState;

/** A sync group's state from its members' changes, as keepalived's vrrp_sync.c moves it, and its notify arguments. */
public class GroupStateTest {
    @Test
    public void theGroupFollowsItsFirstMemberAndStaysInFaultWhileAnyMemberIs() {
        GroupState g = new GroupState();
        assertEquals(VrrpState.BACKUP, g.memberChanged("VI_EXT", VrrpState.BACKUP));
        assertNull("the second member's BACKUP changes nothing", g.memberChanged("VI_INT", VrrpState.BACKUP));
        assertEquals(VrrpState.MASTER, g.memberChanged("VI_EXT", VrrpState.MASTER));
        assertNull(g.memberChanged("VI_INT", VrrpState.MASTER));
        assertEquals(VrrpState.FAULT, g.memberChanged("VI_EXT", VrrpState.FAULT));
        assertNull(g.memberChanged("VI_INT", VrrpState.FAULT));
        assertNull("still a member in FAULT", g.memberChanged("VI_EXT", VrrpState.BACKUP));
        assertEquals(VrrpState.BACKUP, g.memberChanged("VI_INT", VrrpState.BACKUP));
        assertNull("one stopped member is no STOP", g.memberChanged("VI_EXT", VrrpState.INITIALIZE));
        assertEquals(VrrpState.INITIALIZE, g.memberChanged("VI_INT", VrrpState.INITIALIZE));
    }

    @Test
    public void aGroupsNotifyGetsGroupItsNameTheStateAndPriorityZero() {
        Scripts s = new Scripts("/etc/keepalived/group.sh", "/etc/keepalived/up.sh", null, null, null);
        assertEquals(List.of(List.of("/etc/keepalived/up.sh"), List.of("/etc/keepalived/group.sh", "GROUP", "VG_1", "MASTER", "0")),
                s.commandsFor("GROUP", "VG_1", VrrpState.MASTER, 0));
    }
}
