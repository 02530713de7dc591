package org.vrrpd.control.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what the framework, SCR and ConfigAdmin write to the OSGi log service into the daemon's
 * slf4j log; otherwise a component that fails to activate would leave no trace on the console.
 * Active only while {@code etc/org.vrrpd.logforward.cfg} exists, as in the Felix distribution: under
 * Karaf, pax-logging already records the OSGi log, and forwarding would feed its own output back.
 */
@Component(immediate = true, configurationPid = LogForwarder.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LogForwarder.Config.class)
public class LogForwarder implements LogListener {
    static final String PID = "org.vrrpd.logforward";
    private static final Logger LOG = LoggerFactory.getLogger("osgi");

    @ObjectClassDefinition(name = "vrrpd OSGi log forwarding",
            description = "Which OSGi log service entries (framework, SCR, ConfigAdmin) reach the daemon's log.")
    @interface Config {
        @AttributeDefinition(description = "Lowest level forwarded: ERROR, WARN, INFO or DEBUG.")
        String level() default "WARN";
    }

    private volatile LogLevel threshold = LogLevel.WARN;

    /** A bad level is reported and ignored: the forwarder keeps its previous level. */
    @Activate
    @Modified
    void configure(Config config) {
        try {
            threshold = LogLevel.valueOf(LogForwardValidator.level(config));
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}; keeping {}", PID, e.getMessage(), threshold);
            return;
        }
        LOG.info("forwarding OSGi log entries at {} and above", threshold);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        reader.addLogListener(this);
    }

    void removeReader(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (!threshold.implies(level)) {
            return;
        }
        String source = entry.getBundle() != null ? entry.getBundle().getSymbolicName() : "framework";
        switch (level) {
            case ERROR -> LOG.error("[{}] {}", source, entry.getMessage(), entry.getException());
            case WARN -> LOG.warn("[{}] {}", source, entry.getMessage(), entry.getException());
            case INFO -> LOG.info("[{}] {}", source, entry.getMessage(), entry.getException());
            default -> LOG.debug("[{}] {}", source, entry.getMessage(), entry.getException());
        }
    }
}
