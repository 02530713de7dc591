package org.vrrpd.api.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class CommandLineTest {
    @Test
    public void splitsLikeKeepalivedWithoutAShell() {
        assertEquals(List.of("/etc/keepalived/notify.sh", "with space", "x'y", "a"),
                CommandLine.split("  /etc/keepalived/notify.sh \"with space\" \"x'y\"   a "));
        assertEquals(List.of(), CommandLine.split(null));
        assertEquals(List.of(""), CommandLine.split("''"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("echo 'open"));
    }
}
