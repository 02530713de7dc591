/** Link (carrier) status of interfaces and where each status comes from. */
@Export
@Version("1.0.0")
package org.vrrpd.api.link;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
