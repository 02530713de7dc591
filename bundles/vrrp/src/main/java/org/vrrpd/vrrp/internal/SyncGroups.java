package org.vrrpd.vrrp.internal;

import org.vrrpd.api.vrrp.VrrpState;

/**
 * keepalived's vrrp_sync_group: instances with the same group name move together. A member that
 * becomes MASTER or BACKUP takes the others along; one in FAULT for a cause of its own holds the
 * others in FAULT. A FAULT only its group caused is not passed back, or two members would hold each
 * other there. Loop thread only.
 */
final class SyncGroups {
    private final InstanceRegistry instances;

    SyncGroups(InstanceRegistry instances) {
        this.instances = instances;
    }

    void stateChanged(VrrpInstance member, VrrpState from) {
        if (member.state() == VrrpState.FAULT && !member.faultedByItself()) {
            return;
        }
        for (VrrpInstance peer : instances.groupPeers(member)) {
            follow(peer, member.name(), from, member.state());
        }
    }

    /** {@code member}'s FAULT is the peer's fault cause until it leaves FAULT; its MASTER or BACKUP is the peer's. */
    static void follow(VrrpInstance peer, String member, VrrpState from, VrrpState to) {
        FaultCause cause = FaultCause.syncGroup(member);
        if (to == VrrpState.FAULT) {
            peer.fault(cause, true);
            return;
        }
        if (from == VrrpState.FAULT) {
            peer.fault(cause, false);
        }
        if (to == VrrpState.MASTER) {
            peer.followGroup(Event.SYNC_MASTER, "sync group: " + member + " became MASTER");
        } else if (to == VrrpState.BACKUP) {
            peer.followGroup(Event.SYNC_BACKUP, "sync group: " + member + " became BACKUP");
        }
    }

    /** A member stops running here: its FAULT no longer holds the others. */
    void left(VrrpInstance member) {
        for (VrrpInstance peer : instances.groupPeers(member)) {
            peer.fault(FaultCause.syncGroup(member.name()), false);
        }
    }
}
