/** Plug-in points for third-party bundles: checkers that adjust instances and notifiers told of state changes. */
@Export
@Version("1.4.0")
package org.vrrpd.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
