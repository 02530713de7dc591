package org.vrrpd.lvs.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.lvs.LvsSyncControl;
import org.vrrpd.api.lvs.SyncRole;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * keepalived's lvs_sync_daemon: the sync daemon follows one VRRP instance. MASTER runs the master
 * daemon, BACKUP and FAULT the backup one (so a recovered router has the connections), a stopped
 * instance neither. What could not be applied (no IPVS yet) is applied by {@link #retry()}.
 */
final class SyncFollower {
    private static final Logger LOG = LoggerFactory.getLogger(SyncFollower.class);

    private final LvsSyncControl control;
    private final String instance;
    private final String interfaceName;
    private final int syncId;
    private VrrpState state = VrrpState.INITIALIZE;
    private SyncRole wanted;
    private SyncRole running;
    private String lastError;

    SyncFollower(LvsSyncControl control, String instance, String interfaceName, int syncId) {
        this.control = control;
        this.instance = instance;
        this.interfaceName = interfaceName;
        this.syncId = syncId;
    }

    String instance() {
        return instance;
    }

    static SyncRole roleFor(VrrpState state) {
        return switch (state) {
            case MASTER -> SyncRole.MASTER;
            case BACKUP, FAULT -> SyncRole.BACKUP;
            case INITIALIZE -> null;
        };
    }

    void follow(VrrpState newState) {
        state = newState;
        wanted = roleFor(newState);
        apply();
    }

    /** Applies what is wanted if it is not running yet (IPVS was missing, or a request failed). */
    void retry() {
        if (wanted != running) {
            apply();
        }
    }

    /** Stops whatever runs: the follower is going away. */
    void stop() {
        wanted = null;
        apply();
    }

    private void apply() {
        try {
            if (running != null && running != wanted) {
                control.stop(running);
                LOG.info("LVS sync: {} daemon stopped ({} is {})", running, instance, state);
                running = null;
            }
            if (wanted != null && running == null) {
                control.start(wanted, interfaceName, syncId);
                running = wanted;
                LOG.info("LVS sync: {} daemon started on {}, sync id {} ({} is {})", wanted, interfaceName, syncId, instance, state);
            }
            lastError = null;
        } catch (IOException e) {
            if (!e.getMessage().equals(lastError)) {
                LOG.warn("LVS sync: cannot run the {} daemon for {} ({}): {}; VRRP is not affected", wanted, instance, state, e.getMessage());
            }
            lastError = e.getMessage();
        }
    }

    SyncStatus status() {
        return new SyncStatus(instance, state, interfaceName, syncId, wanted, running, lastError);
    }

    String describe() {
        return String.format("following %s (%s) on %s, sync id %d: wants %s, running %s%s", instance, state, interfaceName, syncId,
                wanted == null ? "none" : wanted, running == null ? "none" : running, lastError == null ? "" : " (" + lastError + ")");
    }
}
