package org.vrrpd.snmp.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpOperation;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * What both MIBs say of one instance, as keepalived's vrrp_snmp.c reads it: the interface's
 * ifIndex (0 while it is missing), MAC and primary address in the instance's family (IPv4, or the
 * first fe80::/64 address for IPv6, where VRRPv3 adverts come from), the state as the MIBs number
 * it, and its up time both as RFC 2787's TimeStamp and as RFC 6527's TimeTicks since (centiseconds).
 */
record InstanceRow(VrrpOperation op, int ifIndex, byte[] mac, byte[] primary, long upTimeStamp, long upForCentis) {
    private static final byte[] NO_ADDRESS = new byte[4];
    private static final byte[] NO_ADDRESS6 = new byte[16];
    private static final long LINK_LOCAL_PREFIX = 0xfe80_0000_0000_0000L;
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
            byte[] primary = ipv6(op) ? nic.flatMap(InstanceRow::linkLocal).orElse(NO_ADDRESS6)
                    : nic.flatMap(NetInterface::primaryIpv4).map(InetAddress::getAddress).orElse(NO_ADDRESS);
            return new InstanceRow(op, nic.map(NetInterface::index).orElse(0),
                    nic.map(n -> n.mac() == null ? NO_MAC : n.mac().toBytes()).orElse(NO_MAC), primary, upTimeStamp(op.upSince(), this),
                    op.upSince() == null ? 0 : Duration.between(op.upSince(), now).toMillis() / 10);
        }
    }

    /** The first link-local address in fe80::/64, the engine's source of VRRPv3 over IPv6 (RFC 5798 §5.1.2.1). */
    private static Optional<byte[]> linkLocal(NetInterface nic) {
        return nic.addresses().stream().map(InterfaceAddress::address).filter(a -> a instanceof Inet6Address)
                .map(InetAddress::getAddress).filter(b -> ByteBuffer.wrap(b).getLong(0) == LINK_LOCAL_PREFIX).findFirst();
    }

    /** The family follows the virtual addresses, all of one family (docs/vrrpv3.md). */
    private static boolean ipv6(VrrpOperation op) {
        var vips = op.view().virtualAddresses();
        return !vips.isEmpty() && !vips.get(0).isIpv4();
    }

    boolean ipv6() {
        return ipv6(op);
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

    /** The master's address in the family (ours while master; an IPv6 master's link-local one), all zeros while none is known. */
    byte[] master() {
        InetAddress master = op.view().masterAddress();
        if (ipv6()) {
            return master instanceof Inet6Address a ? a.getAddress() : NO_ADDRESS6;
        }
        return master instanceof Inet4Address a ? a.getAddress() : NO_ADDRESS;
    }

    /** keepalived's suitable_for_rfc2787 / _rfc6527: this version with a virtual address, and RFC 2787 only over IPv4. */
    boolean servedAs(int version) {
        return op.version() == version && !op.view().virtualAddresses().isEmpty() && (version == 3 || !ipv6());
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
