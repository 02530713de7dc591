/** The authentication SPI: one {@link org.vrrpd.api.auth.Authenticator} service per auth type. */
@Export
@Version("1.0.0")
package org.vrrpd.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
