/** The kernel's network interfaces as a userspace model, and the registry that keeps it. */
@Export
@Version("2.4.0")
package org.vrrpd.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
