package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The distribution's exact bundle set, started in Felix by Pax Exam: everything resolves, starts and wires. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleWiringIT {
    private static final String DIST = ShippedBundles.DIST;
    private static final String RUN_DIR = DIST + "/../paxexam-run";

    @Inject
    private BundleContext context;
    @Inject
    private ServiceComponentRuntime scr;
    @Inject
    private CommandProcessor commands;

    @Configuration
    public Option[] config() throws IOException {
        return ShippedBundles.provisionAll(RUN_DIR);
    }

    private List<Bundle> shipped() {
        List<Bundle> result = new ArrayList<>();
        String prefix = new File(DIST).toURI().toString();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(prefix)) {
                result.add(b);
            }
        }
        return result;
    }

    @Test
    public void everyShippedBundleIsActiveAndEveryFragmentResolved() {
        List<Bundle> bundles = shipped();
        assertTrue("the distribution's bundles are installed: " + bundles.size(), bundles.size() >= 20);
        for (Bundle b : bundles) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            assertEquals(b.getSymbolicName() + " state", expected, b.getState());
        }
        for (String bsn : List.of("org.vrrpd.api", "org.vrrpd.kernel", "org.vrrpd.control", "org.vrrpd.jnr.support", "org.vrrpd.netlink",
                "org.vrrpd.vrrp", "org.vrrpd.auth", "org.vrrpd.arp", "org.vrrpd.mii", "org.vrrpd.lvs", "org.vrrpd.track.iface",
                "org.vrrpd.notify.script", "org.vrrpd.track.script", "org.vrrpd.track.file", "org.vrrpd.track.process",
                "org.vrrpd.notify.fifo", "org.vrrpd.importer", "org.vrrpd.prometheus", "org.vrrpd.snmp")) {
            assertTrue(bsn + " is shipped", bundles.stream().anyMatch(b -> bsn.equals(b.getSymbolicName())));
        }
    }

    @Test
    public void everyDeclarativeServicesComponentIsSatisfied() {
        int checked = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && "require".equals(description.configurationPolicy)) {
                continue; // waits for its configuration, as designed
            }
            if (!description.defaultEnabled && !scr.isComponentEnabled(description)) {
                continue; // off unless enabled on purpose (the service bundle's test hook)
            }
            assertFalse(description.name + " has a configuration", configurations.isEmpty());
            for (ComponentConfigurationDTO c : configurations) {
                if (onlyKarafIsMissing(description, c)) {
                    continue; // the Karaf shell bridge, for when Karaf runs us
                }
                assertTrue(description.name + " is satisfied (state " + c.state + ", failure: " + c.failure + ")",
                        c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED);
            }
            if (description.bundle.symbolicName.startsWith("org.vrrpd.")) {
                checked++;
            }
        }
        assertTrue("vrrpd components found: " + checked, checked >= 3);
    }

    private static boolean onlyKarafIsMissing(ComponentDescriptionDTO description, ComponentConfigurationDTO c) {
        return c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && Arrays.stream(c.unsatisfiedReferences)
                .allMatch(missing -> Arrays.stream(description.references)
                        .anyMatch(r -> r.name.equals(missing.name) && r.interfaceName.startsWith("org.apache.karaf.")));
    }

    @Test
    public void theNativeLayerWorksInsideFelix() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        CommandSession session = commands.createSession(System.in, print, print);
        try {
            Object report = session.execute("native:check");
            assertTrue(String.valueOf(report), String.valueOf(report).endsWith("native check OK"));
        } finally {
            session.close();
        }
    }

    @Test
    public void theControlSocketIsPrivateToTheDaemonsUser() throws IOException {
        Path socket = Path.of(RUN_DIR, "vrrpd.sock");
        assertTrue(socket + " exists", Files.exists(socket));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }
}
