package org.vrrpd.startup.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Resolves every installed bundle in one pass, as the first bundle of the first start level.
 * Left alone, Felix resolves each bundle as its turn to start comes: dozens of resolver runs over
 * the same candidates, each announced to the bundle trackers (SPI Fly, SCR) one by one; one pass
 * takes about a tenth off the start-up (docs/startup.md). A bundle that cannot resolve is left as
 * it was: its own start reports why, as before.
 */
public final class ResolveAllBundles implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).resolveBundles(null);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo: wiring belongs to the framework
    }
}
