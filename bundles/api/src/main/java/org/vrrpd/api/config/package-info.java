/**
 * Checking configuration files without applying them ({@code bin/vrrpd --check}, {@code config:check}):
 * each bundle that reads a configuration PID offers a {@link org.vrrpd.api.config.ConfigValidator}
 * built on its own parsing, as an OSGi service and through {@link java.util.ServiceLoader}.
 */
@Export
@Version("1.2.0")
package org.vrrpd.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
