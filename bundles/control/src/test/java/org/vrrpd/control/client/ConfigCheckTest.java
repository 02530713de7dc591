package org.vrrpd.control.client;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.Test;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

public class ConfigCheckTest {
    private final Path dir;

    public ConfigCheckTest() throws Exception {
        dir = Files.createTempDirectory("config-check");
    }

    @After
    public void removeDir() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** Refuses a file whose "size" is not "small"; across files, refuses a second one. */
    private static final ConfigValidator SIZES = new ConfigValidator() {
        @Override
        public String pid() {
            return "org.vrrpd.size";
        }

        @Override
        public List<ConfigProblem> check(ConfigFile file) {
            String size = file.properties().getOrDefault("size", "small");
            return size.equals("small") ? List.of() : List.of(new ConfigProblem(file.source(), "size", size, "must be small"));
        }

        @Override
        public List<ConfigProblem> checkTogether(List<ConfigFile> files) {
            return files.stream().skip(1).map(f -> new ConfigProblem(f.source(), null, null, "one is enough")).toList();
        }
    };

    @Test
    public void everyProblemIsOneLineByFileKeyValueAndReason() throws Exception {
        Files.writeString(dir.resolve("org.vrrpd.size-a.cfg"), "size = small\n");
        Files.writeString(dir.resolve("org.vrrpd.size-b.cfg"), "# a comment\nsize = huge\n");
        Files.writeString(dir.resolve("org.vrrpd.sise.cfg"), "size = small\n");
        Files.writeString(dir.resolve("org.ops4j.pax.logging.cfg"), "log4j2.rootLogger.level = INFO\n");
        Files.writeString(dir.resolve("README.txt"), "not a configuration\n");
        ConfigCheck.Result result = ConfigCheck.check(dir, List.of(SIZES));
        assertEquals(dir.resolve("org.vrrpd.sise.cfg") + ": no vrrpd bundle reads the configuration PID org.vrrpd.sise (a misspelt file name?)\n"
                + dir.resolve("org.vrrpd.size-b.cfg") + ": size = huge: must be small\n"
                + dir.resolve("org.vrrpd.size-b.cfg") + ": one is enough\n"
                + "4 configuration files checked, 3 problems", result.report());
    }

    @Test
    public void goodFilesSaySo() throws Exception {
        Files.writeString(dir.resolve("org.vrrpd.size.cfg"), "size = small\n");
        assertEquals("1 configuration file checked, no problems", ConfigCheck.check(dir, List.of(SIZES)).report());
    }

    @Test
    public void theFileNameGivesThePidOrTheFactoryPid() throws Exception {
        Path factory = Files.writeString(dir.resolve("org.vrrpd.vrrp.instance-VI-1.cfg"), "name = VI-1\n");
        assertEquals(new ConfigFile(factory.toString(), "org.vrrpd.vrrp.instance", java.util.Map.of("name", "VI-1")), ConfigCheck.read(factory));
        Path single = Files.writeString(dir.resolve("org.vrrpd.lvs.cfg"), "syncId = 5\n");
        assertEquals("org.vrrpd.lvs", ConfigCheck.read(single).pid());
    }
}
