package org.vrrpd.vrrp.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vrrpd.api.vrrp.VrrpShutdown;

/** The engine's resignation for whoever catches SIGTERM (the service bundle); kept apart from the engine itself, as EngineLoopService. */
@Component(service = VrrpShutdown.class)
public class EngineShutdownService implements VrrpShutdown {
    @Reference
    private VrrpEngine engine;

    @Override
    public boolean resignAll(long timeoutMillis) throws InterruptedException {
        return engine.resignAll(timeoutMillis);
    }
}
