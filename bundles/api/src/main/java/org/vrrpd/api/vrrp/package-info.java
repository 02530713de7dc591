/** Read-only views of running VRRP instances and their state changes, the engine thread as a liveness probe, and the resignation that starts a stop. */
@Export
@Version("2.5.0")
package org.vrrpd.api.vrrp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
