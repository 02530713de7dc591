package org.vrrpd.snmp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpOperation;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * What both MIBs say of one instance, as keepalived's vrrp_snmp.c reads it: the interface's
 * ifIndex (0 while it is missing), MAC and primary IPv4 address, the state as the MIBs number it,
 * and its up time both as RFC 2787's TimeStamp and as RFC 6527's TimeTicks since (centiseconds).
 */
record InstanceRow(VrrpOperation op, int ifIndex, byte[] mac, byte[] primary, long upTimeStamp, long upForCentis) {
    private static final byte[] NO_ADDRESS = new byte[4];
    private static final byte[] NO_MAC = new byte[6];

    /**
     * What the MIBs are built from.
     *
     * @param interfaces the interface registry's view by name (empty while there is no registry)
     * @param upTimeNow snmpd's sysUpTime now, in centiseconds (from its answer to our Open)
     */
    record Inputs(List<VrrpOperation> instances, RouterStatistics router, Function<String, Optional<NetInterface>> interfaces,
                  boolean notifications, long upTimeNow, Instant now) {
        InstanceRow row(VrrpOperation op) {
            Optional<NetInterface> nic = interfaces.apply(op.view().interfaceName());
            return new InstanceRow(op, nic.map(NetInterface::index).orElse(0),
                    nic.map(n -> n.mac() == null ? NO_MAC : n.mac().toBytes()).orElse(NO_MAC),
                    nic.flatMap(NetInterface::primaryIpv4).map(InetAddress::getAddress).orElse(NO_ADDRESS), upTimeStamp(op.upSince(), this),
                    op.upSince() == null ? 0 : Duration.between(op.upSince(), now).toMillis() / 10);
        }
    }

    /** Both MIBs' state: initialize(1), backup(2), master(3); FAULT reads as initialize, as in keepalived. */
    int state() {
        return switch (op.view().state()) {
            case BACKUP -> 2;
            case MASTER -> 3;
            default -> 1;
        };
    }

    boolean isMaster() {
        return op.view().state() == VrrpState.MASTER;
    }

    /** The master's address (ours while master), 0.0.0.0 while none is known. */
    byte[] master() {
        return op.view().masterAddress() instanceof Inet4Address a ? a.getAddress() : NO_ADDRESS;
    }

    /** keepalived's suitable_for_rfc2787 / _rfc6527: this version, over IPv4, with a virtual address. */
    boolean servedAs(int version) {
        return op.version() == version && op.view().virtualAddresses().stream().anyMatch(v -> v.address() instanceof Inet4Address);
    }

    /** The ifIndex.VRID part of a row's OID. */
    int[] index() {
        return new int[] {ifIndex, op.view().vrid()};
    }

    /** The up time, a TimeStamp: snmpd's sysUpTime when the instance left INITIALIZE (0 before snmpd started, or while in it). */
    static long upTimeStamp(Instant upSince, Inputs in) {
        if (upSince == null) {
            return 0;
        }
        long ago = Duration.between(upSince, in.now()).toMillis() / 10;
        return Math.max(0, in.upTimeNow() - ago);
    }
}
