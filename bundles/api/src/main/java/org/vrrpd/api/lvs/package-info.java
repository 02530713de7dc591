/** Control of the kernel IPVS connection-synchronisation daemon. */
@Export
@Version("1.0.0")
package org.vrrpd.api.lvs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
