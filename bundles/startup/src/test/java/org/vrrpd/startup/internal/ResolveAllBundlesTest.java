package org.vrrpd.startup.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** On a real (embedded) Felix: installed bundles are resolved by the activator's start, before any of them starts. */
public class ResolveAllBundlesTest {
    private Path storage;
    private Felix framework;

    @Before
    public void startFramework() throws Exception {
        storage = Files.createTempDirectory("vrrpd-startup-test");
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @After
    public void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    public void resolvesEveryInstalledBundleAndLeavesOneThatCannotResolveInstalled() throws Exception {
        BundleContext context = framework.getBundleContext();
        Bundle provider = context.installBundle("provider", bundle("test.provider", Map.of(Constants.EXPORT_PACKAGE, "test.a")));
        Bundle consumer = context.installBundle("consumer", bundle("test.consumer", Map.of(Constants.IMPORT_PACKAGE, "test.a")));
        Bundle orphan = context.installBundle("orphan", bundle("test.orphan", Map.of(Constants.IMPORT_PACKAGE, "test.missing")));
        assertEquals(Bundle.INSTALLED, consumer.getState());

        new ResolveAllBundles().start(context);

        assertEquals(Bundle.RESOLVED, provider.getState());
        assertEquals(Bundle.RESOLVED, consumer.getState());
        assertEquals(Bundle.INSTALLED, orphan.getState());
    }

    private static ByteArrayInputStream bundle(String symbolicName, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        manifest.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        return new ByteArrayInputStream(jar.toByteArray());
    }
}
