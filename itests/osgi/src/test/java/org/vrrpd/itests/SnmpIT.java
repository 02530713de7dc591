package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/**
 * The SNMP bundle as an AgentX subagent of Debian's snmpd, started here in the router's namespace
 * with a configuration of its own: snmpwalk's vrrpOperTable row says what vrrp:show says, a VRRPv3
 * instance is in the VRRPv3-MIB instead, a state change shows on the next walk, both new-master
 * notifications reach snmpd's trap sink, a restarted snmpd is served again, and so it is after the
 * engine and the SNMP bundle are updated under it.
 */
public class SnmpIT extends LabTest {
    private static final String VRRP_MIB = ".1.3.6.1.2.1.68";
    private static final String OPER = VRRP_MIB + ".1.3.1.";
    private static final String VRRPV3_MIB = ".1.3.6.1.2.1.207";
    private static final String V3_OPER = VRRPV3_MIB + ".1.1.1.1.";
    private static final Duration WAIT = Duration.ofSeconds(15);

    public SnmpIT() throws Exception {
        super("vrrpd-snmp");
    }

    @Test
    public void theWalkMatchesVrrpShowFollowsAStateChangeAndOutlivesAnSnmpdRestart() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        Path socket = work.resolve("agentx.sock");
        Capture traps = lab.capture(ns1, "lo", "udp port 162", work.resolve("traps.pcap"));
        LabProcess snmpd = snmpd(ns1, socket, 1);
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24, 192.0.2.101",
                        "authType = pass", "authPassword = secret"),
                "org.vrrpd.vrrp.instance-VI_3.cfg", Vrrpd.instance("VI_3", 52, 150, "192.0.2.150/24", "version = 3", "advertInterval = 0.5"),
                "org.vrrpd.snmp.cfg", "socket = " + socket + "\nreconnectInterval = 1\ntraps = true\n"));
        r1.awaitState("VI_1", "MASTER", WAIT);
        r1.awaitState("VI_3", "MASTER", WAIT);
        String ifIndex = lab.exec(ns1, "cat", "/sys/class/net/eth0/ifindex").check().stdout().strip();
        String row = "." + ifIndex + ".51";

        Map<String, String> walk = awaitWalk(ns1, VRRP_MIB, OPER + "3" + row, "INTEGER: 3");
        String show = r1.vrrpctl("vrrp:show", "VI_1").check().stdout();
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0, vrid 51, priority 150"));
        assertEquals(show, "INTEGER: 150", walk.get(OPER + "5" + row));
        assertEquals("IpAddress: " + field(show, "master"), walk.get(OPER + "7" + row));
        assertEquals("IpAddress: 192.0.2.1", walk.get(OPER + "8" + row)); // the interface's primary address
        assertEquals("Hex-STRING: " + ArpProbe.mac(lab, ns1).replace(':', ' ').toUpperCase(), walk.get(OPER + "2" + row).strip());
        assertEquals("INTEGER: 2", walk.get(OPER + "6" + row));
        assertEquals("INTEGER: 2", walk.get(OPER + "9" + row)); // simpleTextPassword
        assertTrue(show, field(show, "authentication").equals("pass"));
        assertTrue(show, field(show, "timers").startsWith("advert 1 s"));
        assertEquals("INTEGER: 1", walk.get(OPER + "11" + row));
        assertTrue(show, field(show, "preemption").startsWith("on"));
        assertEquals("INTEGER: 1", walk.get(OPER + "12" + row));
        assertEquals("INTEGER: 1", walk.get(VRRP_MIB + ".1.4.1.2" + row + ".192.0.2.100"));
        assertEquals("INTEGER: 1", walk.get(VRRP_MIB + ".1.4.1.2" + row + ".192.0.2.101"));
        assertEquals("INTEGER: 2", walk.get(VRRP_MIB + ".1.1.0")); // vrrpNodeVersion
        assertEquals("INTEGER: 1", walk.get(VRRP_MIB + ".1.2.0")); // vrrpNotificationCntl: traps on
        assertEquals("Counter32: " + field(show, "became master").split(" ")[0], walk.get(VRRP_MIB + ".2.4.1.1" + row));

        assertTrue("the VRRPv3 instance is not in RFC 2787's table", walk.keySet().stream().noneMatch(oid -> oid.endsWith("." + ifIndex + ".52")));

        // the VRRPv3 instance in RFC 6527's vrrpv3OperationsTable: ifIndex.VRID.ipv4(1), the interval in centiseconds
        String row3 = "." + ifIndex + ".52.1";
        Map<String, String> v3 = awaitWalk(ns1, VRRPV3_MIB, V3_OPER + "6" + row3, "INTEGER: 3");
        assertEquals("INTEGER: 50", v3.get(V3_OPER + "9" + row3));
        assertEquals("Hex-STRING: C0 00 02 01", v3.get(V3_OPER + "4" + row3).strip());
        assertEquals("INTEGER: 1", v3.get(VRRPV3_MIB + ".1.1.2.1.2" + row3 + ".4.192.0.2.150"));

        // the new-master notifications went through snmpd to its trap sink
        assertTrue("vrrpTrapNewMaster reached the trap sink", traps.awaitPackets("snmp.value.oid == 1.3.6.1.2.1.68.0.1", 1, WAIT));
        assertTrue("vrrpv3NewMaster reached the trap sink", traps.awaitPackets("snmp.value.oid == 1.3.6.1.2.1.207.0.1", 1, WAIT));

        // a better router arrives: r1 becomes backup, and the next walk says so
        Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 200,
                "192.0.2.100/24, 192.0.2.101", "authType = pass", "authPassword = secret")));
        r1.awaitState("VI_1", "BACKUP", WAIT);
        walk = awaitWalk(ns1, VRRP_MIB, OPER + "3" + row, "INTEGER: 2");
        assertEquals("IpAddress: 192.0.2.2", walk.get(OPER + "7" + row));

        // snmpd restarts: the subagent connects again by itself
        snmpd.stop();
        snmpd = snmpd(ns1, socket, 2);
        assertTrue(r1.output(), r1.process().awaitOutput("SNMP: not connected to " + socket, WAIT));
        walk = awaitWalk(ns1, VRRP_MIB, OPER + "3" + row, "INTEGER: 2");
        assertEquals(r1.output(), 2, connections(r1));
        assertEquals("INTEGER: 150", walk.get(OPER + "5" + row));

        // the engine updated under the subagent: it reads the new incarnation; the subagent updated: it connects anew
        Map<String, String> ids = HotSwapIT.bundleIds(r1);
        for (String bsn : List.of("org.vrrpd.vrrp", "org.vrrpd.snmp")) {
            r1.vrrpctl("update", ids.get(bsn)).check();
            r1.vrrpctl("refresh", ids.get(bsn)).check();
        }
        awaitTrue("the new subagent connected:\n" + r1.output(), () -> connections(r1) == 3, WAIT);
        // a resumed backup knows the master again from its next advert
        walk = awaitWalk(ns1, VRRP_MIB, OPER + "7" + row, "IpAddress: 192.0.2.2");
        assertEquals("INTEGER: 2", walk.get(OPER + "3" + row));
    }

    private static int connections(Vrrpd daemon) {
        return daemon.output().split("SNMP: connected to ", -1).length - 1;
    }

    /** Starts snmpd in the foreground with a configuration of its own: AgentX master on {@code socket}, v2c on 127.0.0.1:161, traps to :162. */
    private LabProcess snmpd(String ns, Path socket, int run) throws IOException, InterruptedException {
        Path conf = Files.writeString(work.resolve("snmpd.conf"), "master agentx\nrocommunity public 127.0.0.1\n"
                + "trap2sink 127.0.0.1:162 public\n");
        Files.deleteIfExists(socket);
        LabProcess p = lab.start(ns, work.resolve("snmpd-" + run + ".log"), "env", "MIBS=", "SNMP_PERSISTENT_DIR=" + work.resolve("snmp"),
                "snmpd", "-f", "-Lo", "-C", "-c", conf.toString(), "-x", socket.toString(), "udp:127.0.0.1:161");
        awaitTrue("snmpd listens on " + socket + ":\n" + p.output(), () -> Files.exists(socket), WAIT);
        return p;
    }

    /** Walks {@code root} until {@code oid} reads {@code value}; the walk as OID → "TYPE: value". */
    private Map<String, String> awaitWalk(String ns, String root, String oid, String value) throws InterruptedException {
        Map<String, String> walk = new LinkedHashMap<>();
        String[] last = {""};
        try {
            awaitTrue("walk", () -> {
                NetLab.Result r = lab.exec(ns, "env", "MIBS=", "snmpwalk", "-v2c", "-c", "public", "-On", "-Ox", "-t", "2", "127.0.0.1:161",
                        root);
                last[0] = r.stdout() + r.stderr();
                walk.clear();
                for (String line : r.stdout().split("\n")) {
                    int eq = line.indexOf(" = ");
                    if (eq > 0) {
                        walk.put(line.substring(0, eq), line.substring(eq + 3));
                    }
                }
                return value.equals(walk.get(oid));
            }, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(oid + " did not read " + value + " within " + WAIT + "; the last walk:\n" + last[0]);
        }
        return walk;
    }

    /** The value of vrrp:show's line "  NAME   VALUE". */
    private static String field(String show, String name) {
        return show.lines().filter(l -> l.startsWith("  " + name + " ")).findFirst().orElse("  " + name + " ?").substring(name.length() + 2).strip();
    }
}
