package org.vrrpd.lvs.internal;

import org.vrrpd.api.lvs.SyncRole;
import org.vrrpd.api.vrrp.VrrpState;

/** What the sync daemon follows and runs, as lvs:status --json reports it; wanted / running null for none. */
record SyncStatus(String instance, VrrpState instanceState, String interfaceName, int syncId, SyncRole wanted, SyncRole running,
                  String lastError) {
}
