/** Read-only views of running VRRP instances and their state changes, and the engine thread as a liveness probe. */
@Export
@Version("2.3.0")
package org.vrrpd.api.vrrp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
