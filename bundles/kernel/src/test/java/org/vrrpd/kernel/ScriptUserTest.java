package org.vrrpd.kernel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ScriptUserTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private Path status(String uid, String bounding, String ambient) throws IOException {
        return Files.writeString(temp.newFile().toPath(), "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid
                + "\nCapInh:\t0000000000000000\nCapPrm:\t0000000000003000\nCapEff:\t0000000000003000\nCapBnd:\t" + bounding
                + "\nCapAmb:\t" + ambient + "\n");
    }

    @Test
    public void rootsChildrenSwitchWithinTheBoundingSet() throws Exception {
        assertTrue(ScriptUser.childrenCanSwitch(status("0", "000001ffffffffff", "0000000000000000")));
        assertFalse("setuid dropped from the bounding set", ScriptUser.childrenCanSwitch(status("0", "000001ffffffff3f", "0000000000000000")));
    }

    @Test
    public void anotherUsersChildrenSwitchOnlyWithAmbientSetuidAndSetgid() throws Exception {
        // CAP_NET_ADMIN (12) and CAP_NET_RAW (13) only, as LeastPrivilegeIT runs the daemon
        assertFalse(ScriptUser.childrenCanSwitch(status("65534", "0000000000003000", "0000000000003000")));
        assertTrue(ScriptUser.childrenCanSwitch(status("65534", "00000000000030c0", "00000000000030c0")));
    }

    @Test
    public void theCommandGoesThroughSetprivWithTheGroupAsOnlySupplementaryGroup() throws Exception {
        assertEquals(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--groups=nogroup", "--", "/bin/true", "x"),
                new ScriptUser("nobody", "nogroup", true).wrap(List.of("/bin/true", "x")));
        IOException e = assertThrows(IOException.class, () -> new ScriptUser("nobody", "nogroup", false).wrap(List.of("/bin/true")));
        assertTrue(e.getMessage(), e.getMessage().contains("cannot switch users"));
    }

    @Test
    public void usersAndGroupsAreResolvedOrRefusedByName() {
        assertEquals("the primary group", "nogroup", ScriptUser.of("nobody", null).group());
        assertEquals("user = no-such-user-x rejected: no such user",
                assertThrows(IllegalArgumentException.class, () -> ScriptUser.of("no-such-user-x", null)).getMessage());
        assertEquals("group = no-such-group-x rejected: no such group",
                assertThrows(IllegalArgumentException.class, () -> ScriptUser.of("nobody", "no-such-group-x")).getMessage());
    }
}
