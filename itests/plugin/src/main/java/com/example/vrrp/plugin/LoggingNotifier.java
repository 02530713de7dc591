package com.example.vrrp.plugin;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.StateChange;

/** A third party's notifier: logs every change it is told of. */
@Component
public class LoggingNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public void stateChanged(StateChange change) {
        LOG.info("example notifier: {} {} -> {} (priority {})", change.instance(), change.from(), change.to(), change.priority());
    }
}
