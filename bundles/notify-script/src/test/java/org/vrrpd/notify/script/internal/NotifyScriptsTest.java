package org.vrrpd.notify.script.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

public class NotifyScriptsTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    /** A configuration with the scripts the tests set; every other key unset. */
    private record Config(String vrrpInstances, String notify$, String notifyMaster, String notifyMasterRxLowerPri, String user,
                          String syncGroup) implements NotifyScriptConfig {
        @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return NotifyScriptConfig.class; }
        @Override public String[] vrrp_instance() { return new String[] {vrrpInstances}; }
        @Override public String notifyBackup() { return null; }
        @Override public String notifyFault() { return null; }
        @Override public String notifyStop() { return null; }
        @Override public String group() { return null; }
        @Override public int timeout() { return 5; }
    }

    @Test
    public void scriptsRunAsTheirUser() throws Exception {
        assumeTrue("needs root to switch users", "root".equals(System.getProperty("user.name")));
        Files.setPosixFilePermissions(temp.getRoot().toPath(), PosixFilePermissions.fromString("rwx--x--x"));
        Path dir = temp.newFolder().toPath();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path said = dir.resolve("who");
        NotifyScripts notify = new NotifyScripts();
        notify.activate(new Config("VI_1", null, "/bin/sh -c 'id -un > " + said + "'", null, "nobody", null));
        notify.stateChanged(new StateChange("VI_1", 51, VrrpState.BACKUP, VrrpState.MASTER, 150, "test", Instant.EPOCH));
        notify.deactivate(); // waits for the queued script, up to its timeout
        assertEquals("nobody", Files.readString(said).strip());
    }

    /** A sync group's scripts (the members listed as a .cfg file gives them: one string) run on the group's changes only. */
    @Test
    public void aSyncGroupsScriptsRunOnTheGroupsChanges() throws Exception {
        Path said = temp.getRoot().toPath().resolve("group.log");
        NotifyScripts notify = new NotifyScripts();
        notify.activate(new Config("VI_EXT, VI_INT", "/bin/sh -c 'echo $* >> " + said + "' sh", null, null, null, "VG_1"));
        notify.stateChanged(new StateChange("VI_EXT", 61, VrrpState.BACKUP, VrrpState.MASTER, 150, "test", Instant.EPOCH));
        notify.stateChanged(new StateChange("VI_INT", 62, VrrpState.BACKUP, VrrpState.MASTER, 150, "sync", Instant.EPOCH));
        notify.stateChanged(new StateChange("VI_OTHER", 63, VrrpState.BACKUP, VrrpState.FAULT, 150, "not a member", Instant.EPOCH));
        notify.stateChanged(new StateChange("VI_INT", 62, VrrpState.MASTER, VrrpState.FAULT, 150, "link", Instant.EPOCH));
        notify.deactivate();
        assertEquals(List.of("GROUP VG_1 MASTER 0", "GROUP VG_1 FAULT 0"), Files.readAllLines(said));
    }

    /** keepalived's notify_master_rx_lower_pri: run without arguments for each lower advert its instance hears as master. */
    @Test
    public void theRxLowerPriScriptRunsForEachLowerAdvertOfItsInstance() throws Exception {
        Path said = temp.getRoot().toPath().resolve("lower.log");
        NotifyScripts notify = new NotifyScripts();
        notify.activate(new Config("VI_1", "/bin/sh -c 'echo notify $* >> " + said + "' sh", null,
                "/bin/sh -c 'echo \"lower [$*]\" >> " + said + "' sh", null, null));
        InetAddress other = InetAddress.getByName("192.0.2.2");
        notify.lowerPriorityAdvert(new LowerPriorityAdvert("VI_1", 51, other, 100, 150, Instant.EPOCH));
        notify.lowerPriorityAdvert(new LowerPriorityAdvert("VI_2", 52, other, 100, 150, Instant.EPOCH));
        notify.lowerPriorityAdvert(new LowerPriorityAdvert("VI_1", 51, other, 100, 150, Instant.EPOCH));
        notify.deactivate();
        assertEquals("only its instance's, no arguments, and no notify call", List.of("lower []", "lower []"), Files.readAllLines(said));
    }
}
