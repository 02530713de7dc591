package org.vrrpd.snmp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpOperation;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.api.vrrp.VrrpStatistics;

public class VrrpMibTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Map<String, NetInterface> NICS = Map.of(
            "eth0", nic(3, "eth0", "02:00:00:00:00:03", "192.0.2.1"),
            "eth1", nic(2, "eth1", "02:00:00:00:00:02", "198.51.100.1"));

    private static NetInterface nic(int index, String name, String mac, String primary) {
        try {
            return new NetInterface(index, name, 0x41, "UP", MacAddress.parse(mac), 1500, "veth",
                    List.of(new InterfaceAddress(InetAddress.getByName(primary), 24, false, null)));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static VrrpStatistics stats(long base) {
        return new VrrpStatistics(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7, base + 8, base + 9, base + 10,
                base + 11, base + 12, base + 13, base + 14, 0, 0, 0);
    }

    private static VrrpOperation op(String name, String nic, int vrid, int version, VrrpState state, String master, Instant upSince,
                                    String... vips) throws Exception {
        List<VirtualAddress> addresses = new ArrayList<>();
        for (String v : vips) {
            addresses.add(VirtualAddress.parse(v));
        }
        VrrpInstanceView view = new VrrpInstanceView(name, nic, vrid, state, 150, 140, master == null ? null : InetAddress.getByName(master),
                addresses, stats(vrid * 100L));
        return new VrrpOperation(view, version, 300, true, "pass", upSince);
    }

    private static MibView mib(List<VrrpOperation> ops) {
        return VrrpMib.build(new VrrpMib.Inputs(ops, new RouterStatistics(4, 17), n -> Optional.ofNullable(NICS.get(n)), true, 90_000, NOW));
    }

    private static List<VarBind> walk(MibView mib) {
        List<VarBind> out = new ArrayList<>();
        Oid at = VrrpMib.VRRP_MIB;
        Oid end = Oid.parse("1.3.6.1.2.1.69");
        while (true) {
            VarBind v = mib.next(new Pdu.SearchRange(at, false, end));
            if (v.type() == VarBind.END_OF_MIB_VIEW) {
                return out;
            }
            out.add(v);
            at = v.name();
        }
    }

    private static List<VrrpOperation> twoInstances() throws Exception {
        return List.of(
                op("VI_A", "eth0", 51, 2, VrrpState.MASTER, "192.0.2.1", NOW.minusSeconds(100), "192.0.2.100/24", "192.0.2.101/32"),
                op("VI_B", "eth1", 200, 2, VrrpState.BACKUP, "198.51.100.2", NOW.minusSeconds(2000), "198.51.100.100/24"),
                op("VI_C", "eth0", 7, 3, VrrpState.MASTER, "192.0.2.1", NOW, "192.0.2.50/24")); // v3: not in the RFC 2787 tables
    }

    /** GetNext walks column by column, each column's rows by (ifIndex, VRID): eth1 (ifIndex 2) before eth0 (3) despite its VRID. */
    @Test
    public void aWalkIsInLexicographicOrderAcrossTables() throws Exception {
        List<VarBind> walk = walk(mib(twoInstances()));
        for (int i = 1; i < walk.size(); i++) {
            assertTrue(walk.get(i - 1).name() + " before " + walk.get(i).name(), walk.get(i - 1).name().compareTo(walk.get(i).name()) < 0);
        }
        List<String> names = walk.stream().map(v -> v.name().toString()).toList();
        String p = ".1.3.6.1.2.1.68";
        assertEquals(List.of(p + ".1.1.0", p + ".1.2.0", p + ".1.3.1.2.2.200", p + ".1.3.1.2.3.51", p + ".1.3.1.3.2.200"), names.subList(0, 5));
        int asso = names.indexOf(p + ".1.4.1.2.2.200.198.51.100.100");
        assertEquals(p + ".1.3.1.15.3.51", names.get(asso - 1));
        assertEquals(List.of(p + ".1.4.1.2.3.51.192.0.2.100", p + ".1.4.1.2.3.51.192.0.2.101", p + ".2.1.0", p + ".2.2.0", p + ".2.3.0",
                p + ".2.4.1.1.2.200", p + ".2.4.1.1.3.51"), names.subList(asso + 1, asso + 8));
        assertEquals(p + ".2.4.1.12.3.51", names.get(names.size() - 1));
        assertEquals(2 + 14 * 2 + 3 + 3 + 12 * 2, walk.size());
    }

    @Test
    public void operTableColumnsAreKeepalivedsMapping() throws Exception {
        MibView mib = mib(twoInstances());
        Oid row = Oid.parse("1.3.6.1.2.1.68.1.3.1");
        assertArrayEquals(MacAddress.parse("02:00:00:00:00:03").toBytes(), (byte[]) mib.get(row.append(2, 3, 51)).value());
        assertEquals(3L, mib.get(row.append(3, 3, 51)).value()); // master
        assertEquals(2L, mib.get(row.append(3, 2, 200)).value()); // backup
        assertEquals(150L, mib.get(row.append(5, 3, 51)).value()); // configured priority, as keepalived's base_priority
        assertEquals(2L, mib.get(row.append(6, 3, 51)).value());
        assertArrayEquals(new byte[] {(byte) 198, 51, 100, 2}, (byte[]) mib.get(row.append(7, 2, 200)).value());
        assertEquals(VarBind.IP_ADDRESS, mib.get(row.append(8, 2, 200)).type());
        assertArrayEquals(new byte[] {(byte) 198, 51, 100, 1}, (byte[]) mib.get(row.append(8, 2, 200)).value());
        assertEquals(2L, mib.get(row.append(9, 3, 51)).value()); // simpleTextPassword
        assertEquals(0, ((byte[]) mib.get(row.append(10, 3, 51)).value()).length);
        assertEquals(3L, mib.get(row.append(11, 3, 51)).value());
        assertEquals(1L, mib.get(row.append(12, 3, 51)).value());
        assertEquals(VarBind.TIME_TICKS, mib.get(row.append(13, 3, 51)).type());
        assertEquals(80_000L, mib.get(row.append(13, 3, 51)).value()); // 100 s before snmpd's 900 s
        assertEquals(0L, mib.get(row.append(13, 2, 200)).value()); // before snmpd started
        assertEquals(1L, mib.get(row.append(15, 3, 51)).value());
        Oid stats = Oid.parse("1.3.6.1.2.1.68.2");
        assertEquals(VarBind.COUNTER32, mib.get(stats.append(1, 0)).type());
        assertEquals(5100L + 5 + 20000 + 5, mib.get(stats.append(1, 0)).value()); // checksum errors of the v2 rows
        assertEquals(17L, mib.get(stats.append(3, 0)).value());
        assertEquals(5102L, mib.get(stats.append(4, 1, 1, 3, 51)).value()); // becomeMaster
        assertEquals(1L, mib.get(Oid.parse("1.3.6.1.2.1.68.1.2.0")).value()); // notifications enabled
    }

    @Test
    public void getOfWhatIsNotThereSaysWhichKind() throws Exception {
        MibView mib = mib(twoInstances());
        assertEquals(VarBind.NO_SUCH_INSTANCE, mib.get(Oid.parse("1.3.6.1.2.1.68.1.3.1.3.3.52")).type());
        assertEquals(VarBind.NO_SUCH_INSTANCE, mib.get(Oid.parse("1.3.6.1.2.1.68.1.3.1.3.3.7")).type()); // the v3 instance
        assertEquals(VarBind.NO_SUCH_OBJECT, mib.get(Oid.parse("1.3.6.1.2.1.68.1.3.1.1.3.51")).type()); // the index is not-accessible
        assertEquals(VarBind.NO_SUCH_OBJECT, mib.get(Oid.parse("1.3.6.1.2.1.68.9")).type());
    }

    @Test
    public void getBulkRepeatsUntilTheEndOfTheRange() throws Exception {
        MibView mib = mib(twoInstances());
        Oid state = Oid.parse("1.3.6.1.2.1.68.1.3.1.3");
        Pdu bulk = new Pdu(Pdu.GET_BULK, 0, 1, 1, 1, List.of(new Pdu.SearchRange(VrrpMib.VRRP_MIB, false, Oid.NULL),
                new Pdu.SearchRange(state, false, state.append(Integer.MAX_VALUE))), 1, 5, 0, 0, 0, List.of(), 0);
        List<VarBind> answer = mib.answer(bulk);
        assertEquals(VrrpMib.NODE_VERSION, answer.get(0).name());
        assertEquals(List.of(state.append(2, 200), state.append(3, 51)), List.of(answer.get(1).name(), answer.get(2).name()));
        assertEquals(VarBind.END_OF_MIB_VIEW, answer.get(3).type());
        assertEquals(4, answer.size());
    }

    @Test
    public void anEmptyEngineServesTheScalarsOnly() {
        MibView mib = VrrpMib.build(new VrrpMib.Inputs(List.of(), new RouterStatistics(0, 0), n -> Optional.empty(), false, 0, NOW));
        List<VarBind> walk = walk(mib);
        assertEquals(5, walk.size());
        assertEquals(2L, walk.get(1).value()); // notifications disabled
    }
}
