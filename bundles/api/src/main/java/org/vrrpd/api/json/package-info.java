/** A small JSON writer for the status commands' {@code --json} output (docs/json.md has the schema). */
@Export
@Version("1.0.0")
package org.vrrpd.api.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
