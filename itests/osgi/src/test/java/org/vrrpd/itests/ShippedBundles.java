package org.vrrpd.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;

/** Pax Exam options that provision exactly the distribution's boot/ and bundle/ folders, at their start levels. */
final class ShippedBundles {
    static final String DIST = System.getProperty("vrrpd.dist.home");

    private ShippedBundles() {
    }

    static Option[] provisionAll(String runDir) throws IOException {
        List<Option> bundles = new ArrayList<>();
        provision(bundles, "boot", 1);
        provision(bundles, "bundle", 2);
        return options(cleanCaches(true),
                frameworkProperty("vrrpd.run.dir").value(runDir),
                composite(bundles.toArray(new Option[0])),
                junitBundles());
    }

    /** Installs every jar of a distribution folder at its start level; fragments are installed only. */
    private static void provision(List<Option> options, String folder, int startLevel) throws IOException {
        File[] jars = new File(DIST, folder).listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IOException("no bundles in " + new File(DIST, folder) + ": is the distribution unpacked?");
        }
        Arrays.sort(jars);
        for (File jar : jars) {
            boolean fragment;
            try (JarFile jf = new JarFile(jar)) {
                fragment = jf.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
            }
            options.add(bundle(jar.toURI().toString()).startLevel(startLevel).start(!fragment));
        }
    }
}
