package org.vrrpd.importer;

import java.nio.file.Path;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Gogo {@code keepalived:convert FILE}: imports a keepalived.conf into the running daemon's etc/ folder, where it applies live. */
@Component(service = ImportCommands.class, property = {"osgi.command.scope=keepalived", "osgi.command.function=convert"})
public class ImportCommands {
    private Path etc;

    @Activate
    void activate(BundleContext context) {
        String dir = context.getProperty("felix.fileinstall.dir");
        etc = Path.of(dir == null ? "etc" : dir);
    }

    @Descriptor("converts a keepalived.conf into configuration files in the daemon's etc/, applied live; lists what it cannot carry over")
    public String convert(@Descriptor("the keepalived.conf to read (its include files are read too)") String keepalivedConf) throws Exception {
        Importer.Result result = Importer.convert(Path.of(keepalivedConf));
        StringBuilder out = new StringBuilder();
        Importer.write(result, etc).forEach(line -> out.append(line).append('\n'));
        result.notes().forEach(n -> out.append(n).append('\n'));
        return out.toString().stripTrailing();
    }
}
