package org.vrrpd.service.internal;

import java.io.File;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Makes FileInstall read the configuration folder now rather than at its next poll: the SIGHUP
 * reload. FileInstall has no call for that, but every watcher wakes up and scans at once when an
 * artifact listener comes or goes (DirectoryWatcher.addListener / removeListener notify it), so
 * a listener that handles nothing is registered and withdrawn. The scan is FileInstall's own:
 * changed files are applied as on a poll, and a configuration whose properties are unchanged is
 * not updated, so its instance does not notice.
 */
final class ConfigurationRescan {
    private final BundleContext context;

    ConfigurationRescan(BundleContext context) {
        this.context = context;
    }

    /** Wakes FileInstall's watchers; they scan on their own threads, right after this returns. */
    void rescanNow() {
        ServiceRegistration<ArtifactInstaller> wakeUp = context.registerService(ArtifactInstaller.class, new HandlesNothing(), null);
        wakeUp.unregister();
    }

    /** Never chosen for a file, so FileInstall never calls the other methods. */
    private static final class HandlesNothing implements ArtifactInstaller {
        @Override
        public boolean canHandle(File artifact) {
            return false;
        }

        @Override
        public void install(File artifact) {
        }

        @Override
        public void update(File artifact) {
        }

        @Override
        public void uninstall(File artifact) {
        }
    }
}
