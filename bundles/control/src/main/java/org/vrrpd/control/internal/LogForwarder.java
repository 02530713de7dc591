package org.vrrpd.control.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies warnings and errors that the framework, SCR and ConfigAdmin write to the OSGi log service
 * into the daemon's slf4j log; otherwise a component that fails to activate would leave no trace
 * on the console.
 */
@Component(immediate = true)
public class LogForwarder implements LogListener {
    private static final Logger LOG = LoggerFactory.getLogger("osgi");

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
        if (level != LogLevel.ERROR && level != LogLevel.WARN) {
            return;
        }
        String source = entry.getBundle() != null ? entry.getBundle().getSymbolicName() : "framework";
        if (level == LogLevel.ERROR) {
            LOG.error("[{}] {}", source, entry.getMessage(), entry.getException());
        } else {
            LOG.warn("[{}] {}", source, entry.getMessage(), entry.getException());
        }
    }
}
