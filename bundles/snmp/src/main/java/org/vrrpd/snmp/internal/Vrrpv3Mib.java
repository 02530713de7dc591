package org.vrrpd.snmp.internal;

import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpStatistics;

/**
 * RFC 6527's VRRPv3-MIB (1.3.6.1.2.1.207) as keepalived fills it. Rows are VRRPv3 instances over
 * IPv4 with a virtual address, indexed by ifIndex, VRID and address type ipv4(1).
 */
final class Vrrpv3Mib {
    static final Oid ROOT = Oid.parse("1.3.6.1.2.1.207");
    static final Oid OPER_ENTRY = ROOT.append(1, 1, 1, 1);
    static final Oid ASSO_ENTRY = ROOT.append(1, 1, 2, 1);
    static final Oid CHECKSUM_ERRORS = ROOT.append(1, 2, 1, 0);
    static final Oid VERSION_ERRORS = ROOT.append(1, 2, 2, 0);
    static final Oid VRID_ERRORS = ROOT.append(1, 2, 3, 0);
    static final Oid DISCONTINUITY_TIME = ROOT.append(1, 2, 4, 0);
    static final Oid STATS_ENTRY = ROOT.append(1, 2, 5, 1);
    static final Oid NEW_MASTER = ROOT.append(0, 1);
    private static final int IPV4 = 1;
    private static final int OPER_MASTER_IP = 3;
    private static final int STATS_NEW_MASTER_REASON = 2;
    /** The columns we serve; AcceptMode (11) and ProtoErrReason (stats 6) are not, as keepalived without its firewall. */
    private static final int[] OPER_COLUMNS = {3, 4, 5, 6, 7, 8, 9, 10, 12, 13};
    private static final int[] STATS_COLUMNS = {1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13};

    private Vrrpv3Mib() {
    }

    static void addTo(Map<Oid, VarBind> values, List<Oid> objects, InstanceRow.Inputs in) {
        objects.addAll(List.of(CHECKSUM_ERRORS, VERSION_ERRORS, VRID_ERRORS, DISCONTINUITY_TIME, ASSO_ENTRY.append(2)));
        for (int column : OPER_COLUMNS) {
            objects.add(OPER_ENTRY.append(column));
        }
        for (int column : STATS_COLUMNS) {
            objects.add(STATS_ENTRY.append(column));
        }
        long checksumErrors = 0;
        long versionErrors = 0;
        for (var op : in.instances()) {
            InstanceRow row = in.row(op);
            int[] index = index(row);
            if (!row.servedAs(3) || values.containsKey(OPER_ENTRY.append(6).append(index))) {
                continue;
            }
            operRow(values, row, index);
            statsRow(values, row, index);
            for (VirtualAddress vip : op.view().virtualAddresses()) {
                if (vip.address() instanceof Inet4Address v4) {
                    // InetAddress is not IMPLIED: its length comes first (keepalived leaves it out)
                    Mibs.put(values, VarBind.integer(ASSO_ENTRY.append(2).append(index).append(4).append(Mibs.subids(v4.getAddress())), 1));
                }
            }
            checksumErrors += op.view().statistics().checksumErrors();
            versionErrors += op.view().statistics().versionErrors();
        }
        Mibs.put(values, new VarBind(CHECKSUM_ERRORS, VarBind.COUNTER64, checksumErrors));
        Mibs.put(values, new VarBind(VERSION_ERRORS, VarBind.COUNTER64, versionErrors));
        Mibs.put(values, new VarBind(VRID_ERRORS, VarBind.COUNTER64, in.router().vridErrors()));
        Mibs.put(values, VarBind.timeTicks(DISCONTINUITY_TIME, 0)); // counters never restart while the engine runs
    }

    private static int[] index(InstanceRow row) {
        return new int[] {row.ifIndex(), row.op().view().vrid(), IPV4};
    }

    private static void operRow(Map<Oid, VarBind> values, InstanceRow row, int[] index) {
        var v = row.op().view();
        cell(values, OPER_ENTRY, OPER_MASTER_IP, index, VarBind.octets(null, row.master()));
        cell(values, OPER_ENTRY, 4, index, VarBind.octets(null, row.primary()));
        cell(values, OPER_ENTRY, 5, index, VarBind.octets(null, row.mac()));
        cell(values, OPER_ENTRY, 6, index, VarBind.integer(null, row.state()));
        cell(values, OPER_ENTRY, 7, index, new VarBind(null, VarBind.GAUGE32, (long) v.configuredPriority()));
        cell(values, OPER_ENTRY, 8, index, VarBind.integer(null, v.virtualAddresses().size()));
        cell(values, OPER_ENTRY, 9, index, VarBind.integer(null, row.op().advertIntervalCentis()));
        cell(values, OPER_ENTRY, 10, index, VarBind.integer(null, row.op().preempt() ? 1 : 2));
        cell(values, OPER_ENTRY, 12, index, VarBind.timeTicks(null, row.upForCentis()));
        cell(values, OPER_ENTRY, 13, index, VarBind.integer(null, 1));
    }

    private static void statsRow(Map<Oid, VarBind> values, InstanceRow row, int[] index) {
        VrrpStatistics s = row.op().view().statistics();
        cell(values, STATS_ENTRY, 1, index, VarBind.counter(null, s.becomeMaster()));
        cell(values, STATS_ENTRY, STATS_NEW_MASTER_REASON, index, VarBind.integer(null, newMasterReason(row)));
        long[][] counters = {{3, s.advertisementsReceived()}, {4, s.advertisementIntervalErrors()}, {5, s.ipTtlErrors()},
                {7, s.priorityZeroReceived()}, {8, s.priorityZeroSent()}, {9, s.invalidTypeReceived()}, {10, s.addressListErrors()},
                {11, s.packetLengthErrors()}};
        for (long[] c : counters) {
            cell(values, STATS_ENTRY, (int) c[0], index, new VarBind(null, VarBind.COUNTER64, c[1]));
        }
        cell(values, STATS_ENTRY, 12, index, VarBind.timeTicks(null, 0));
        cell(values, STATS_ENTRY, 13, index, new VarBind(null, VarBind.GAUGE32, row.op().advertIntervalCentis() * 10L)); // milliseconds
    }

    /**
     * notMaster(0) if it never was master, else why it last became master: priority(1) for an
     * address owner, masterNoResponse(3) otherwise (our backups preempt by letting their timer run
     * out, RFC 3768 §6.4.2).
     */
    static int newMasterReason(InstanceRow row) {
        var v = row.op().view();
        return v.statistics().becomeMaster() == 0 ? 0 : v.configuredPriority() == 255 ? 1 : 3;
    }

    /** vrrpv3NewMaster's bindings after snmpTrapOID.0: vrrpv3OperationsMasterIpAddr (ours) and the reason. */
    static List<VarBind> newMaster(InstanceRow row) {
        int[] index = index(row);
        return List.of(VarBind.octets(OPER_ENTRY.append(OPER_MASTER_IP).append(index), row.primary()),
                VarBind.integer(STATS_ENTRY.append(STATS_NEW_MASTER_REASON).append(index), newMasterReason(row)));
    }

    private static void cell(Map<Oid, VarBind> values, Oid entry, int column, int[] index, VarBind v) {
        Mibs.put(values, v.named(entry.append(column).append(index)));
    }
}
