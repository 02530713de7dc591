package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/**
 * The features repository in a stock Apache Karaf 4.4 (minimal distribution, offline): the "vrrp"
 * feature boots, takes part in an election against the Felix distribution, and answers vrrpctl
 * through Karaf's own shell.
 */
public class KarafIT extends LabTest {
    private static final Path KARAF = Path.of(System.getProperty("vrrpd.karaf.home"));
    private static final Path FEATURES = Path.of(System.getProperty("vrrpd.features.xml"));
    private static final Path KARAF_SYSTEM_EXTRAS = Path.of(System.getProperty("vrrpd.karaf.system"));
    private static final String MAVEN_REPOSITORY = System.getProperty("vrrpd.maven.repository");
    private static final Pattern OUR_BUNDLE = Pattern.compile("(?<=<bundle>)mvn:org\\.vrrpd/vrrpd-([a-z-]+)/[^<]+");
    private static final String VIP = "192.0.2.100";

    public KarafIT() throws Exception {
        super("vrrpd-karaf-it");
    }

    @Test
    public void theVrrpFeatureBootsInKarafWinsTheElectionAndHandsOverOnShutdown() throws Exception {
        String br = lab.bridge("br");
        String karafNs = lab.namespace("karaf");
        String felixNs = lab.namespace("felix");
        lab.link(br, karafNs, "eth0", "192.0.2.1/24");
        lab.link(br, felixNs, "eth0", "192.0.2.2/24");
        Path home = work.resolve("karaf");
        NetLab.host("cp", "-a", KARAF.toString(), home.toString()).check();
        NetLab.host("cp", "-a", KARAF_SYSTEM_EXTRAS + "/.", home.resolve("system").toString()).check();
        Path features = Files.writeString(work.resolve("vrrpd-features.xml"), withLocalBundles(Files.readString(FEATURES)));
        Path runDir = work.resolve("karaf-run");
        bootFeature(home, features, runDir);
        Files.writeString(home.resolve("etc/org.vrrpd.vrrp.instance-VI_1.cfg"), Vrrpd.instance("VI_1", 51, 200, VIP + "/24"));
        Files.writeString(home.resolve("etc/org.vrrpd.prometheus.cfg"), "address = 192.0.2.1\nport = 9650\n");

        Vrrpd karaf = Vrrpd.startKaraf(lab, karafNs, "karaf", home, runDir);
        Vrrpd felix = Vrrpd.start(lab, felixNs, work, "felix", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));

        String check = karaf.vrrpctl("native:check").check().stdout();
        assertTrue(check, check.contains("native check OK"));
        karaf.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        felix.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));
        assertTrue("Karaf holds the VIP", karaf.holds(VIP));
        assertFalse(felix.holds(VIP));
        // --json and config:check in Karaf's shell too
        String json = karaf.vrrpctl("--json", "vrrp:show", "VI_1").check().stdout();
        assertTrue(json, json.startsWith("{\n  \"name\": \"VI_1\",") && json.contains("\"state\": \"MASTER\""));
        String configCheck = karaf.vrrpctl("config:check").check().stdout();
        assertTrue(configCheck, configCheck.contains("checked, no problems"));
        // the Prometheus endpoint: com.sun.net.httpserver through Karaf's boot delegation
        awaitContains("Karaf serves the metrics", () -> lab.exec(felixNs, "curl", "-sS", "--max-time", "5", "http://192.0.2.1:9650/metrics").stdout(),
                Duration.ofSeconds(10), "vrrpd_instance_state{instance=\"VI_1\",interface=\"eth0\",vrid=\"51\"} 2.0");
        // Karaf's own commands also run through vrrpctl, in a Karaf session
        String installed = karaf.vrrpctl("feature:list", "-i").check().stdout();
        assertTrue(installed, installed.matches("(?s).*\\bvrrp\\s+│\\s+0\\.1\\.0\\.SNAPSHOT.*|(?s).*\\nvrrp\\b.*"));

        // Karaf's shutdown stops the feature's bundles: the engine resigns with priority 0
        assertEquals(0, karaf.process().stop());
        felix.awaitState("VI_1", "MASTER", Duration.ofSeconds(3));
        LabTest.awaitTrue("the VIP moves to the Felix daemon", () -> felix.holds(VIP), Duration.ofSeconds(3));
        assertFalse("the VIP leaves with Karaf", karaf.holds(VIP));
        String log = karaf.output();
        assertFalse(log, log.contains("ERROR"));
        assertFalse("vrrpctl socket removed", Files.exists(runDir.resolve("vrrpd.sock")));
    }

    /** Our snapshots are not in the local Maven repository during "mvn verify": point at the distribution's jars instead. */
    private static String withLocalBundles(String features) {
        Matcher ours = OUR_BUNDLE.matcher(features);
        StringBuilder out = new StringBuilder();
        while (ours.find()) {
            Path jar = Vrrpd.HOME.resolve("bundle/vrrpd-" + ours.group(1) + ".jar");
            assertTrue("the feature names " + ours.group() + ", which the distribution ships", Files.exists(jar));
            ours.appendReplacement(out, Matcher.quoteReplacement(jar.toUri().toString()));
        }
        ours.appendTail(out);
        return out.toString();
    }

    /** What an operator edits: the features to boot, the offline Maven repository, and where vrrpctl finds the daemon. */
    private static void bootFeature(Path home, Path features, Path runDir) throws Exception {
        Path featuresCfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String cfg = Files.readString(featuresCfg)
                .replaceFirst("(?m)^featuresRepositories\\s*=\\s*\\\\", Matcher.quoteReplacement("featuresRepositories = " + features.toUri() + ", \\"))
                .replaceFirst("(?m)^featuresBoot\\s*=\\s*\\\\", Matcher.quoteReplacement("featuresBoot = vrrp, \\"));
        assertTrue(cfg, cfg.contains(features.toUri().toString()) && cfg.contains("featuresBoot = vrrp,"));
        Files.writeString(featuresCfg, cfg);
        Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "\norg.ops4j.pax.url.mvn.localRepository=" + MAVEN_REPOSITORY
                + "\norg.ops4j.pax.url.mvn.offline=true\n", StandardOpenOption.APPEND);
        Files.writeString(home.resolve("etc/system.properties"), "\nvrrpd.run.dir=" + runDir + "\n", StandardOpenOption.APPEND);
    }
}
