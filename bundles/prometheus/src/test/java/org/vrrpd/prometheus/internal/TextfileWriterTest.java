package org.vrrpd.prometheus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.vrrp.VrrpState;

public class TextfileWriterTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void writesTheTextFormatWholeAndWorldReadableAndFollowsTheState() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.instances = List.of(FakeEngine.view("VI_1", 51, VrrpState.BACKUP, 100, 100));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new VrrpCollector(() -> engine, new TransitionLog()));
        Path file = folder.getRoot().toPath().resolve("vrrpd.prom");
        String backup = "vrrpd_instance_state{instance=\"VI_1\",interface=\"eth0\",vrid=\"51\"} 1.0";
        String master = "vrrpd_instance_state{instance=\"VI_1\",interface=\"eth0\",vrid=\"51\"} 2.0";
        try (TextfileWriter writer = new TextfileWriter(registry, file, Duration.ofMillis(100))) {
            awaitLine(file, backup);
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            engine.instances = List.of(FakeEngine.view("VI_1", 51, VrrpState.MASTER, 100, 100));
            awaitLine(file, master);
            writer.write();
            String text = Files.readString(file);
            assertTrue(text, text.endsWith("\n"));
            assertTrue(text, text.lines().allMatch(l -> l.startsWith("# HELP ") || l.startsWith("# TYPE ") || l.matches("vrrpd_\\w+(\\{.*\\})? \\S+")));
        }
        try (var files = Files.list(folder.getRoot().toPath())) {
            assertEquals("only the file, no leftover temporary one", List.of(file), files.toList());
        }
    }

    @Test
    public void aFolderThatIsNotThereIsTriedAgainUntilItIs() throws Exception {
        FakeEngine engine = new FakeEngine();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new VrrpCollector(() -> engine, new TransitionLog()));
        Path dir = folder.getRoot().toPath().resolve("later");
        Path file = dir.resolve("vrrpd.prom");
        try (TextfileWriter writer = new TextfileWriter(registry, file, Duration.ofMillis(100))) {
            assertFalse(Files.exists(file));
            Files.createDirectory(dir);
            awaitLine(file, "vrrpd_engine_up 1.0");
        }
    }

    private static void awaitLine(Path file, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).lines().anyMatch(line::equals)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line '" + line + "' in " + file + (Files.exists(file) ? ":\n" + Files.readString(file) : " (not there)"));
    }
}
