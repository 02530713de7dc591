package org.vrrpd.snmp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpOperation;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.api.vrrp.VrrpStatistics;

/**
 * RFC 2787's VRRP-MIB (1.3.6.1.2.1.68) as keepalived's vrrp_snmp.c fills it, from one snapshot of
 * the public API. Rows are VRRPv2 instances with at least one IPv4 virtual address (keepalived's
 * suitable_for_rfc2787), indexed by the interface's ifIndex (0 while it is missing) and VRID.
 */
final class VrrpMib {
    static final Oid VRRP_MIB = Oid.parse("1.3.6.1.2.1.68");
    static final Oid NODE_VERSION = VRRP_MIB.append(1, 1, 0);
    static final Oid NOTIFICATION_CNTL = VRRP_MIB.append(1, 2, 0);
    static final Oid OPER_ENTRY = VRRP_MIB.append(1, 3, 1);
    static final Oid ASSO_ENTRY = VRRP_MIB.append(1, 4, 1);
    static final Oid CHECKSUM_ERRORS = VRRP_MIB.append(2, 1, 0);
    static final Oid VERSION_ERRORS = VRRP_MIB.append(2, 2, 0);
    static final Oid VRID_ERRORS = VRRP_MIB.append(2, 3, 0);
    static final Oid STATS_ENTRY = VRRP_MIB.append(2, 4, 1);
    static final Oid TRAP_NEW_MASTER = VRRP_MIB.append(0, 1);
    static final int OPER_MASTER_IP = 7;

    private static final byte[] NO_ADDRESS = new byte[4];
    private static final byte[] NO_MAC = new byte[6];

    /**
     * What the MIB is built from.
     *
     * @param interfaces the interface registry's view by name (empty while there is no registry)
     * @param upTimeNow snmpd's sysUpTime now, in centiseconds (from its answer to our Open)
     */
    record Inputs(List<VrrpOperation> instances, RouterStatistics router, Function<String, Optional<NetInterface>> interfaces,
                  boolean notifications, long upTimeNow, Instant now) {
    }

    private VrrpMib() {
    }

    static MibView build(Inputs in) {
        Map<Oid, VarBind> values = new HashMap<>();
        List<Oid> objects = new ArrayList<>(List.of(NODE_VERSION, NOTIFICATION_CNTL, CHECKSUM_ERRORS, VERSION_ERRORS, VRID_ERRORS));
        for (int column = 2; column <= 15; column++) {
            objects.add(OPER_ENTRY.append(column));
        }
        objects.add(ASSO_ENTRY.append(2));
        for (int column = 1; column <= 12; column++) {
            objects.add(STATS_ENTRY.append(column));
        }
        put(values, VarBind.integer(NODE_VERSION, 2));
        put(values, VarBind.integer(NOTIFICATION_CNTL, in.notifications() ? 1 : 2));
        long checksumErrors = 0;
        long versionErrors = 0;
        for (VrrpOperation op : in.instances()) {
            if (!servedInV2(op)) {
                continue;
            }
            Optional<NetInterface> nic = in.interfaces().apply(op.view().interfaceName());
            int[] index = {nic.map(NetInterface::index).orElse(0), op.view().vrid()};
            if (values.containsKey(OPER_ENTRY.append(3).append(index))) {
                continue; // two instances on missing interfaces with one VRID: one row
            }
            operRow(values, op, nic, index, in);
            statsRow(values, op.view().statistics(), index);
            for (VirtualAddress vip : op.view().virtualAddresses()) {
                if (vip.address() instanceof Inet4Address v4) {
                    byte[] a = v4.getAddress();
                    put(values, VarBind.integer(ASSO_ENTRY.append(2).append(index).append(a[0] & 0xff, a[1] & 0xff, a[2] & 0xff, a[3] & 0xff), 1));
                }
            }
            checksumErrors += op.view().statistics().checksumErrors();
            versionErrors += op.view().statistics().versionErrors();
        }
        put(values, VarBind.counter(CHECKSUM_ERRORS, checksumErrors));
        put(values, VarBind.counter(VERSION_ERRORS, versionErrors));
        put(values, VarBind.counter(VRID_ERRORS, in.router().vridErrors()));
        return new MibView(values, objects);
    }

    /** keepalived's suitable_for_rfc2787: VRRPv2 over IPv4 with a virtual address. */
    static boolean servedInV2(VrrpOperation op) {
        return op.version() == 2 && op.view().virtualAddresses().stream().anyMatch(v -> v.address() instanceof Inet4Address);
    }

    private static void operRow(Map<Oid, VarBind> values, VrrpOperation op, Optional<NetInterface> nic, int[] index, Inputs in) {
        VrrpInstanceView v = op.view();
        cell(values, 2, index, VarBind.octets(null, nic.map(n -> n.mac() == null ? NO_MAC : n.mac().toBytes()).orElse(NO_MAC)));
        cell(values, 3, index, VarBind.integer(null, state(v.state())));
        cell(values, 4, index, VarBind.integer(null, 1)); // adminState up: we have no write access
        cell(values, 5, index, VarBind.integer(null, v.configuredPriority()));
        cell(values, 6, index, VarBind.integer(null, v.virtualAddresses().size()));
        cell(values, OPER_MASTER_IP, index, VarBind.ipAddress(null, ipv4(v.masterAddress())));
        cell(values, 8, index, VarBind.ipAddress(null, nic.flatMap(NetInterface::primaryIpv4).map(InetAddress::getAddress).orElse(NO_ADDRESS)));
        cell(values, 9, index, VarBind.integer(null, switch (op.authType()) {
            case "pass" -> 2;
            case "ah" -> 3;
            default -> 1;
        }));
        cell(values, 10, index, VarBind.octets(null, new byte[0])); // RFC 2787: always reads as the empty string
        cell(values, 11, index, VarBind.integer(null, op.advertIntervalCentis() / 100));
        cell(values, 12, index, VarBind.integer(null, op.preempt() ? 1 : 2));
        cell(values, 13, index, VarBind.timeTicks(null, upTimeStamp(op.upSince(), in)));
        cell(values, 14, index, VarBind.integer(null, 1)); // ip
        cell(values, 15, index, VarBind.integer(null, 1)); // rowStatus active
    }

    private static void statsRow(Map<Oid, VarBind> values, VrrpStatistics s, int[] index) {
        long[] columns = {s.becomeMaster(), s.advertisementsReceived(), s.advertisementIntervalErrors(), s.authFailures(), s.ipTtlErrors(),
                s.priorityZeroReceived(), s.priorityZeroSent(), s.invalidTypeReceived(), s.addressListErrors(), s.invalidAuthType(),
                s.authTypeMismatch(), s.packetLengthErrors()};
        for (int i = 0; i < columns.length; i++) {
            put(values, VarBind.counter(STATS_ENTRY.append(i + 1).append(index), columns[i]));
        }
    }

    /** RFC 2787 vrrpOperState: FAULT reads as initialize(1), as in keepalived. */
    static int state(VrrpState state) {
        return switch (state) {
            case BACKUP -> 2;
            case MASTER -> 3;
            default -> 1;
        };
    }

    /** vrrpOperVirtualRouterUpTime, a TimeStamp: snmpd's sysUpTime when the instance left INITIALIZE (0 before snmpd started, or while in it). */
    static long upTimeStamp(Instant upSince, Inputs in) {
        if (upSince == null) {
            return 0;
        }
        long ago = Duration.between(upSince, in.now()).toMillis() / 10;
        return Math.max(0, in.upTimeNow() - ago);
    }

    static byte[] ipv4(InetAddress address) {
        return address instanceof Inet4Address ? address.getAddress() : NO_ADDRESS;
    }

    private static void cell(Map<Oid, VarBind> values, int column, int[] index, VarBind v) {
        put(values, v.named(OPER_ENTRY.append(column).append(index)));
    }

    private static void put(Map<Oid, VarBind> values, VarBind v) {
        values.put(v.name(), v);
    }
}
