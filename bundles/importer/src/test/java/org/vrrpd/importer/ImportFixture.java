package org.vrrpd.importer;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/** The import tests' common steps: a keepalived.conf written into a temporary folder and converted, and what to look for in the result. */
public abstract class ImportFixture {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    Importer.Result convert(String conf) throws Exception {
        Path file = temp.getRoot().toPath().resolve("keepalived.conf");
        Files.writeString(file, conf);
        return Importer.convert(file);
    }

    /** An instance on eth0, VRID 51, priority 100, with 192.0.2.100/24 and {@code body}'s lines (eight lines without them). */
    static String instance(String name, String body) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id 51\n priority 100\n virtual_ipaddress {\n  192.0.2.100/24\n }\n"
                + body + "}\n";
    }

    static void assertNoted(Importer.Result r, String note) {
        assertTrue(r.notes().toString(), r.notes().contains(note));
    }
}
