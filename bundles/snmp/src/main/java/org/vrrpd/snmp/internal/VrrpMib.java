package org.vrrpd.snmp.internal;

import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpStatistics;

/**
 * RFC 2787's VRRP-MIB (1.3.6.1.2.1.68) as keepalived's vrrp_snmp.c fills it. Rows are VRRPv2
 * instances over IPv4 with a virtual address, indexed by ifIndex and VRID.
 */
final class VrrpMib {
    static final Oid ROOT = Oid.parse("1.3.6.1.2.1.68");
    static final Oid NODE_VERSION = ROOT.append(1, 1, 0);
    static final Oid NOTIFICATION_CNTL = ROOT.append(1, 2, 0);
    static final Oid OPER_ENTRY = ROOT.append(1, 3, 1);
    static final Oid ASSO_ENTRY = ROOT.append(1, 4, 1);
    static final Oid CHECKSUM_ERRORS = ROOT.append(2, 1, 0);
    static final Oid VERSION_ERRORS = ROOT.append(2, 2, 0);
    static final Oid VRID_ERRORS = ROOT.append(2, 3, 0);
    static final Oid STATS_ENTRY = ROOT.append(2, 4, 1);
    static final Oid TRAP_NEW_MASTER = ROOT.append(0, 1);
    private static final int OPER_MASTER_IP = 7;

    private VrrpMib() {
    }

    static void addTo(Map<Oid, VarBind> values, List<Oid> objects, InstanceRow.Inputs in) {
        objects.addAll(List.of(NODE_VERSION, NOTIFICATION_CNTL, CHECKSUM_ERRORS, VERSION_ERRORS, VRID_ERRORS, ASSO_ENTRY.append(2)));
        for (int column = 2; column <= 15; column++) {
            objects.add(OPER_ENTRY.append(column));
        }
        for (int column = 1; column <= 12; column++) {
            objects.add(STATS_ENTRY.append(column));
        }
        Mibs.put(values, VarBind.integer(NODE_VERSION, 2));
        Mibs.put(values, VarBind.integer(NOTIFICATION_CNTL, in.notifications() ? 1 : 2));
        long checksumErrors = 0;
        long versionErrors = 0;
        for (var op : in.instances()) {
            InstanceRow row = in.row(op);
            if (!row.servedAs(2) || values.containsKey(OPER_ENTRY.append(3).append(row.index()))) {
                continue; // another version, or a second instance with this VRID on a missing interface
            }
            operRow(values, row);
            statsRow(values, op.view().statistics(), row.index());
            for (VirtualAddress vip : op.view().virtualAddresses()) {
                if (vip.address() instanceof Inet4Address v4) {
                    Mibs.put(values, VarBind.integer(ASSO_ENTRY.append(2).append(row.index()).append(Mibs.subids(v4.getAddress())), 1));
                }
            }
            checksumErrors += op.view().statistics().checksumErrors();
            versionErrors += op.view().statistics().versionErrors();
        }
        Mibs.put(values, VarBind.counter(CHECKSUM_ERRORS, checksumErrors));
        Mibs.put(values, VarBind.counter(VERSION_ERRORS, versionErrors));
        Mibs.put(values, VarBind.counter(VRID_ERRORS, in.router().vridErrors()));
    }

    private static void operRow(Map<Oid, VarBind> values, InstanceRow row) {
        VrrpInstanceView v = row.op().view();
        int[] index = row.index();
        cell(values, 2, index, VarBind.octets(null, row.mac()));
        cell(values, 3, index, VarBind.integer(null, row.state()));
        cell(values, 4, index, VarBind.integer(null, 1)); // adminState up: we have no write access
        cell(values, 5, index, VarBind.integer(null, v.configuredPriority()));
        cell(values, 6, index, VarBind.integer(null, v.virtualAddresses().size()));
        cell(values, OPER_MASTER_IP, index, VarBind.ipAddress(null, row.master()));
        cell(values, 8, index, VarBind.ipAddress(null, row.primary()));
        cell(values, 9, index, VarBind.integer(null, switch (row.op().authType()) {
            case "pass" -> 2;
            case "ah" -> 3;
            default -> 1;
        }));
        cell(values, 10, index, VarBind.octets(null, new byte[0])); // RFC 2787: always reads as the empty string
        cell(values, 11, index, VarBind.integer(null, row.op().advertIntervalCentis() / 100));
        cell(values, 12, index, VarBind.integer(null, row.op().preempt() ? 1 : 2));
        cell(values, 13, index, VarBind.timeTicks(null, row.upTimeStamp()));
        cell(values, 14, index, VarBind.integer(null, 1)); // ip
        cell(values, 15, index, VarBind.integer(null, 1)); // rowStatus active
    }

    private static void statsRow(Map<Oid, VarBind> values, VrrpStatistics s, int[] index) {
        long[] columns = {s.becomeMaster(), s.advertisementsReceived(), s.advertisementIntervalErrors(), s.authFailures(), s.ipTtlErrors(),
                s.priorityZeroReceived(), s.priorityZeroSent(), s.invalidTypeReceived(), s.addressListErrors(), s.invalidAuthType(),
                s.authTypeMismatch(), s.packetLengthErrors()};
        for (int i = 0; i < columns.length; i++) {
            Mibs.put(values, VarBind.counter(STATS_ENTRY.append(i + 1).append(index), columns[i]));
        }
    }

    /** vrrpTrapNewMaster's bindings after snmpTrapOID.0: vrrpOperMasterIpAddr (ours), as keepalived sends it. */
    static List<VarBind> newMaster(InstanceRow row) {
        return List.of(VarBind.ipAddress(OPER_ENTRY.append(OPER_MASTER_IP).append(row.index()), row.primary()));
    }

    private static void cell(Map<Oid, VarBind> values, int column, int[] index, VarBind v) {
        Mibs.put(values, v.named(OPER_ENTRY.append(column).append(index)));
    }
}
