package org.vrrpd.notify.script.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

public class NotifyScriptsTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void scriptsRunAsTheirUser() throws Exception {
        assumeTrue("needs root to switch users", "root".equals(System.getProperty("user.name")));
        Files.setPosixFilePermissions(temp.getRoot().toPath(), PosixFilePermissions.fromString("rwx--x--x"));
        Path dir = temp.newFolder().toPath();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path said = dir.resolve("who");
        NotifyScripts notify = new NotifyScripts();
        notify.activate(new NotifyScriptConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return NotifyScriptConfig.class; }
            @Override public String[] vrrp_instance() { return new String[] {"VI_1"}; }
            @Override public String notify$() { return null; }
            @Override public String notifyMaster() { return "/bin/sh -c 'id -un > " + said + "'"; }
            @Override public String notifyBackup() { return null; }
            @Override public String notifyFault() { return null; }
            @Override public String notifyStop() { return null; }
            @Override public String user() { return "nobody"; }
            @Override public String group() { return null; }
            @Override public String syncGroup() { return null; }
            @Override public int timeout() { return 5; }
        });
        notify.stateChanged(new StateChange("VI_1", 51, VrrpState.BACKUP, VrrpState.MASTER, 150, "test", Instant.EPOCH));
        notify.deactivate(); // waits for the queued script, up to its timeout
        assertEquals("nobody", Files.readString(said).strip());
    }

    /** A sync group's scripts (the members listed as a .cfg file gives them: one string) run on the group's changes only. */
    @Test
    public void aSyncGroupsScriptsRunOnTheGroupsChanges() throws Exception {
        Path said = temp.getRoot().toPath().resolve("group.log");
        NotifyScripts notify = new NotifyScripts();
        notify.activate(new NotifyScriptConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return NotifyScriptConfig.class; }
            @Override public String[] vrrp_instance() { return new String[] {"VI_EXT, VI_INT"}; }
            @Override public String notify$() { return "/bin/sh -c 'echo $* >> " + said + "' sh"; }
            @Override public String notifyMaster() { return null; }
            @Override public String notifyBackup() { return null; }
            @Override public String notifyFault() { return null; }
            @Override public String notifyStop() { return null; }
            @Override public String user() { return null; }
            @Override public String group() { return null; }
            @Override public String syncGroup() { return "VG_1"; }
            @Override public int timeout() { return 5; }
        });
        notify.stateChanged(new StateChange("VI_EXT", 61, VrrpState.BACKUP, VrrpState.MASTER, 150, "test", Instant.EPOCH));
        notify.stateChanged(new StateChange("VI_INT", 62, VrrpState.BACKUP, VrrpState.MASTER, 150, "sync", Instant.EPOCH));
        notify.stateChanged(new StateChange("VI_OTHER", 63, VrrpState.BACKUP, VrrpState.FAULT, 150, "not a member", Instant.EPOCH));
        notify.stateChanged(new StateChange("VI_INT", 62, VrrpState.MASTER, VrrpState.FAULT, 150, "link", Instant.EPOCH));
        notify.deactivate();
        assertEquals(java.util.List.of("GROUP VG_1 MASTER 0", "GROUP VG_1 FAULT 0"), Files.readAllLines(said));
    }
}
