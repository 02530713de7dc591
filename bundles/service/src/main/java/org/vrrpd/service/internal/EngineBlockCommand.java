package org.vrrpd.service.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vrrpd.api.vrrp.EngineLoop;

/**
 * Test hook, off unless the framework property {@value SystemService#TEST_HOOKS_PROPERTY} is true
 * (SystemService enables it then): wedges the VRRP engine's thread for a while, so that a test can
 * see the systemd watchdog heartbeat stop. The engine itself has no such door.
 */
@Component(enabled = false, service = EngineBlockCommand.class, property = {"osgi.command.scope=test", "osgi.command.function=blockEngine"})
public class EngineBlockCommand {
    @Reference
    private EngineLoop engine;

    @Descriptor("TEST ONLY: blocks the VRRP engine's thread (no adverts, no timers) for a while")
    public String blockEngine(@Descriptor("how long, in seconds") int seconds) {
        engine.execute(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return "the VRRP engine's thread is blocked for " + seconds + " s";
    }
}
