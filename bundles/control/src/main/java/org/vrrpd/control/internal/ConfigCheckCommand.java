package org.vrrpd.control.internal;

import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vrrpd.api.config.ConfigValidator;
import org.vrrpd.control.client.ConfigCheck;

/** Gogo {@code config:check}: the running daemon's configuration folder through its bundles' validators, nothing applied. */
@Component(service = ConfigCheckCommand.class, property = {"osgi.command.scope=config", "osgi.command.function=check"})
public class ConfigCheckCommand {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ConfigValidator> validators;

    private Path etc;

    @Activate
    void activate(BundleContext context) {
        String dir = context.getProperty("felix.fileinstall.dir");
        if (dir == null) {
            dir = context.getProperty("karaf.etc");
        }
        etc = Path.of(dir != null ? dir : "etc");
    }

    @Descriptor("checks every configuration file in the daemon's etc/ as the bundles would read it, applying nothing;"
            + " fails with one line per problem (file, key, value, why)")
    public String check() throws Exception {
        ConfigCheck.Result result = ConfigCheck.check(etc, validators);
        if (!result.problems().isEmpty()) {
            throw new IllegalArgumentException(result.report()); // vrrpctl exits 1
        }
        return result.report();
    }
}
