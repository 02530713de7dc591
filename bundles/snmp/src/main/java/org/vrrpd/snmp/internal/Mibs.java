package org.vrrpd.snmp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vrrpd.api.vrrp.VrrpOperation;

/** Both MIBs in one snapshot, and the new-master notification each instance's version calls for. */
final class Mibs {
    /** The subtrees the subagent registers with the master agent. */
    static final List<Oid> SUBTREES = List.of(VrrpMib.ROOT, Vrrpv3Mib.ROOT);
    private static final Oid SYS_UP_TIME = Oid.parse("1.3.6.1.2.1.1.3.0");
    private static final Oid SNMP_TRAP_OID = Oid.parse("1.3.6.1.6.3.1.1.4.1.0");

    private Mibs() {
    }

    static MibView build(InstanceRow.Inputs in) {
        Map<Oid, VarBind> values = new HashMap<>();
        List<Oid> objects = new ArrayList<>();
        VrrpMib.addTo(values, objects, in);
        Vrrpv3Mib.addTo(values, objects, in);
        return new MibView(values, objects);
    }

    /**
     * The whole notification (sysUpTime.0, snmpTrapOID.0, its objects) for an instance that has
     * just become master: vrrpTrapNewMaster for VRRPv2, vrrpv3NewMaster for VRRPv3; empty for one
     * neither MIB serves.
     */
    static Optional<List<VarBind>> newMaster(VrrpOperation op, InstanceRow.Inputs in) {
        InstanceRow row = in.row(op);
        List<VarBind> out = new ArrayList<>(List.of(VarBind.timeTicks(SYS_UP_TIME, in.upTimeNow())));
        if (row.servedAs(2)) {
            out.add(VarBind.oid(SNMP_TRAP_OID, VrrpMib.TRAP_NEW_MASTER));
            out.addAll(VrrpMib.newMaster(row));
        } else if (row.servedAs(3)) {
            out.add(VarBind.oid(SNMP_TRAP_OID, Vrrpv3Mib.NEW_MASTER));
            out.addAll(Vrrpv3Mib.newMaster(row));
        } else {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    static int[] subids(byte[] address) {
        int[] out = new int[address.length];
        for (int i = 0; i < address.length; i++) {
            out[i] = address[i] & 0xff;
        }
        return out;
    }

    static void put(Map<Oid, VarBind> values, VarBind v) {
        values.put(v.name(), v);
    }
}
