package org.vrrpd.kernel.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.LoggerFactory;

/**
 * Binds libc as soon as this bundle starts, on a thread of its own: jnr-ffi generating the binding
 * is the largest single step of the daemon's start-up (docs/startup.md), and done here it runs on
 * the second core while the framework starts the other bundles, not inside the first socket's open.
 * A socket opened before it ends waits for it (the class initialisation lock).
 */
public final class NativePreload implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Thread thread = new Thread(NativePreload::bind, "vrrpd-native-preload");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop(BundleContext context) {
        // nothing held: the binding lives as long as the bundle's class loader
    }

    private static void bind() {
        try {
            Native.runtime();
        } catch (LinkageError e) {
            // later uses only say "Could not initialize class": the cause is told here, once
            LoggerFactory.getLogger(NativePreload.class).error("binding libc through jnr-ffi failed", e);
        }
    }
}
