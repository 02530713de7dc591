package org.vrrpd.vrrp.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vrrpd.api.vrrp.EngineLoop;

/** The engine's event loop as a liveness probe for other bundles (systemd's watchdog); kept apart from the engine itself. */
@Component(service = EngineLoop.class)
public class EngineLoopService implements EngineLoop {
    @Reference
    private VrrpEngine engine;

    @Override
    public void execute(Runnable task) {
        engine.post(task);
    }
}
