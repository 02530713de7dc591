package org.vrrpd.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A second import leaves exactly what the new keepalived.conf describes, and never touches a hand-written file. */
public class ImportedFilesTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private Path conf;
    private Path etc;

    private List<String> importInstances(String... names) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append("vrrp_instance ").append(name).append(" {\n interface eth0\n virtual_router_id 51\n virtual_ipaddress {\n  192.0.2.100\n }\n"
                    + " track_interface {\n  eth1\n }\n}\n");
        }
        Files.writeString(conf, text);
        return Importer.write(Importer.convert(conf), etc);
    }

    private Set<String> etcFiles() throws Exception {
        try (Stream<Path> files = Files.list(etc)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    public void aSecondImportRemovesWhatTheFirstWroteAndTheConfNoLongerHas() throws Exception {
        conf = temp.newFile("keepalived.conf").toPath();
        etc = temp.newFolder("etc").toPath();
        Files.writeString(etc.resolve("org.vrrpd.mii.cfg"), "interfaces = eth0\n"); // the user's own
        importInstances("VI_1", "VI_2");
        List<String> said = importInstances("VI_1");
        assertEquals(Set.of("org.vrrpd.mii.cfg", "org.vrrpd.vrrp.instance-VI_1.cfg", "org.vrrpd.track.interface-VI_1-eth1.cfg"), etcFiles());
        assertTrue(said.toString(), said.contains("removed " + etc.resolve("org.vrrpd.vrrp.instance-VI_2.cfg")
                + " (imported before; the keepalived.conf no longer has it)"));
        assertEquals("interfaces = eth0\n", Files.readString(etc.resolve("org.vrrpd.mii.cfg")));
    }

    @Test
    public void aHandWrittenFileOfTheSameNameIsKeptAndSaidSo() throws Exception {
        conf = temp.newFile("keepalived.conf").toPath();
        etc = temp.newFolder("etc").toPath();
        Path mine = Files.writeString(etc.resolve("org.vrrpd.vrrp.instance-VI_1.cfg"), "name = VI_1\n");
        List<String> said = importInstances("VI_1");
        assertEquals("name = VI_1\n", Files.readString(mine));
        assertTrue(said.toString(), said.contains("kept " + mine + ": not written by vrrp-import, so not replaced; move it away to import it"));
        assertTrue(Files.readString(etc.resolve("org.vrrpd.track.interface-VI_1-eth1.cfg")).startsWith(ImportedFiles.MARKER));
        assertFalse("nothing half-written is left", etcFiles().stream().anyMatch(f -> f.endsWith(".part")));
    }
}
