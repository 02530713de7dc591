package org.vrrpd.snmp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
        } catch (UnknownHostException e) {
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
        return Mibs.build(inputs(ops));
    }

    private static InstanceRow.Inputs inputs(List<VrrpOperation> ops) {
        return new InstanceRow.Inputs(ops, new RouterStatistics(4, 17), n -> Optional.ofNullable(NICS.get(n)), true, 90_000, NOW);
    }

    /** GetNext from {@code root} to the end of its subtree, as snmpwalk through snmpd asks. */
    private static List<VarBind> walk(MibView mib, Oid root) {
        List<VarBind> out = new ArrayList<>();
        Oid at = root;
        Oid end = Oid.parse(root.toString().replaceAll("\\d+$", "") + (root.get(root.length() - 1) + 1));
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
        List<VarBind> walk = walk(mib(twoInstances()), VrrpMib.ROOT);
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
        Pdu bulk = new Pdu(Pdu.GET_BULK, 0, 1, 1, 1, List.of(new Pdu.SearchRange(VrrpMib.ROOT, false, Oid.NULL),
                new Pdu.SearchRange(state, false, state.append(Integer.MAX_VALUE))), 1, 5, 0, 0, 0, List.of(), 0);
        List<VarBind> answer = mib.answer(bulk);
        assertEquals(VrrpMib.NODE_VERSION, answer.get(0).name());
        assertEquals(List.of(state.append(2, 200), state.append(3, 51)), List.of(answer.get(1).name(), answer.get(2).name()));
        assertEquals(VarBind.END_OF_MIB_VIEW, answer.get(3).type());
        assertEquals(4, answer.size());
    }

    @Test
    public void anEmptyEngineServesTheScalarsOnly() {
        MibView mib = Mibs.build(new InstanceRow.Inputs(List.of(), new RouterStatistics(0, 0), n -> Optional.empty(), false, 0, NOW));
        List<VarBind> walk = walk(mib, VrrpMib.ROOT);
        assertEquals(5, walk.size());
        assertEquals(2L, walk.get(1).value()); // notifications disabled
        assertEquals(4, walk(mib, Vrrpv3Mib.ROOT).size());
    }

    /** The VRRPv3 instance in RFC 6527's tables: index ifIndex.VRID.ipv4(1), InetAddress octets, the interval in centiseconds. */
    @Test
    public void vrrpv3InstancesAreInTheVrrpv3Mib() throws Exception {
        MibView mib = mib(twoInstances());
        List<VarBind> walk = walk(mib, Vrrpv3Mib.ROOT);
        String p = ".1.3.6.1.2.1.207.1";
        List<String> names = walk.stream().map(v -> v.name().toString()).toList();
        assertEquals(List.of(p + ".1.1.1.3.3.7.1", p + ".1.1.1.4.3.7.1", p + ".1.1.1.5.3.7.1", p + ".1.1.1.6.3.7.1"), names.subList(0, 4));
        assertTrue(names.toString(), names.contains(p + ".1.2.1.2.3.7.1.4.192.0.2.50"));
        assertEquals(10 + 1 + 4 + 12, walk.size());
        Oid row = Vrrpv3Mib.OPER_ENTRY;
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, (byte[]) mib.get(row.append(3, 3, 7, 1)).value());
        assertEquals(3L, mib.get(row.append(6, 3, 7, 1)).value());
        assertEquals(VarBind.GAUGE32, mib.get(row.append(7, 3, 7, 1)).type());
        assertEquals(300L, mib.get(row.append(9, 3, 7, 1)).value());
        assertEquals(0L, mib.get(row.append(12, 3, 7, 1)).value()); // up since now
        assertEquals(VarBind.NO_SUCH_OBJECT, mib.get(row.append(11, 3, 7, 1)).type()); // AcceptMode: not served
        assertEquals(VarBind.COUNTER64, mib.get(Vrrpv3Mib.STATS_ENTRY.append(3, 3, 7, 1)).type());
        assertEquals(701L, mib.get(Vrrpv3Mib.STATS_ENTRY.append(3, 3, 7, 1)).value());
        assertEquals(3L, mib.get(Vrrpv3Mib.STATS_ENTRY.append(2, 3, 7, 1)).value()); // masterNoResponse
        assertEquals(3000L, mib.get(Vrrpv3Mib.STATS_ENTRY.append(13, 3, 7, 1)).value());
        assertEquals(705L, mib.get(Vrrpv3Mib.CHECKSUM_ERRORS).value());
    }

    @Test
    public void aNewMasterIsNotifiedInItsVersionsMib() throws Exception {
        List<VrrpOperation> ops = twoInstances();
        List<VarBind> v2 = Mibs.newMaster(ops.get(0), inputs(ops)).orElseThrow();
        assertEquals(List.of(Oid.parse("1.3.6.1.2.1.1.3.0"), Oid.parse("1.3.6.1.6.3.1.1.4.1.0"), Oid.parse("1.3.6.1.2.1.68.1.3.1.7.3.51")),
                v2.stream().map(VarBind::name).toList());
        assertEquals(90_000L, v2.get(0).value());
        assertEquals(VrrpMib.TRAP_NEW_MASTER, v2.get(1).value());
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, (byte[]) v2.get(2).value());
        List<VarBind> v3 = Mibs.newMaster(ops.get(2), inputs(ops)).orElseThrow();
        assertEquals(Vrrpv3Mib.NEW_MASTER, v3.get(1).value());
        assertEquals(Oid.parse("1.3.6.1.2.1.207.1.2.5.1.2.3.7.1"), v3.get(3).name());
        assertEquals(3L, v3.get(3).value());
    }
}
