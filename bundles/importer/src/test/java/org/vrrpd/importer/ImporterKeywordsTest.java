package org.vrrpd.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The keepalived keywords issue 16 adds to the import: excluded addresses, GARP and start-up globals, strict mode, sync-group tracking. */
public class ImporterKeywordsTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private Importer.Result convert(String conf) throws Exception {
        Path file = temp.getRoot().toPath().resolve("keepalived.conf");
        Files.writeString(file, conf);
        return Importer.convert(file);
    }

    private static String instance(String name, String body) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id 51\n priority 100\n virtual_ipaddress {\n  192.0.2.100/24\n }\n"
                + body + "}\n";
    }

    private static String cfg(Importer.Result r, String instance) {
        return r.files().get("org.vrrpd.vrrp.instance-" + instance + ".cfg");
    }

    private static void assertNoted(Importer.Result r, String note) {
        assertTrue(r.notes().toString(), r.notes().contains(note));
    }

    @Test
    public void excludedAddressesAreHeldNotAdvertisedAndMayBeIpv6() throws Exception {
        Importer.Result r = convert(instance("VI_1", " virtual_ipaddress_excluded {\n  198.51.100.7/24\n  2001:db8::7/64 dev eth0\n"
                + "  192.0.2.100/24\n }\n virtual_routes {\n  203.0.113.0/24 via 192.0.2.254\n }\n"));
        assertTrue(cfg(r, "VI_1"), cfg(r, "VI_1").contains("virtualAddresses = 192.0.2.100/24\nexcludedAddresses = 198.51.100.7/24, 2001:db8::7/64\n"));
        assertNoted(r, "note: keepalived.conf:11: VI_1: virtual_ipaddress_excluded 192.0.2.100/24 repeats 192.0.2.100/24: imported once");
        assertNoted(r, "not imported: keepalived.conf:13: VI_1: 'virtual_routes' not supported: vrrpd moves addresses, not routes or rules");
        assertEquals("dev naming the instance's interface is no note", 2, r.notes().size());
    }

    @Test
    public void addressOptionsGoWithTheirAddress() throws Exception {
        Importer.Result r = convert(instance("VI_1", " virtual_ipaddress_excluded {\n  198.51.100.7/24 dev eth1 label eth1:ext scope link"
                + " broadcast 198.51.100.255\n  203.0.113.7/24 label web noprefixroute\n }\n"));
        assertTrue(cfg(r, "VI_1"), cfg(r, "VI_1").contains("excludedAddresses = 198.51.100.7/24;dev=eth1;label=eth1:ext;scope=link;"
                + "brd=198.51.100.255, 203.0.113.7/24\n"));
        assertNoted(r, "not imported: keepalived.conf:10: VI_1: virtual_ipaddress options [noprefixroute] not supported (dev, label, scope and"
                + " brd are)");
        assertNoted(r, "not imported: keepalived.conf:10: VI_1: label web does not start with eth0: the kernel refuses such a label");
    }

    @Test
    public void globalGarpAndStartupDefaultsGoToEveryInstanceThatHasNoValueOfItsOwn() throws Exception {
        Importer.Result r = convert("global_defs {\n vrrp_garp_master_delay 10\n vrrp_garp_master_repeat 3\n vrrp_garp_master_refresh 60\n"
                + " vrrp_garp_master_refresh_repeat 2\n vrrp_garp_lower_prio_repeat 1\n vrrp_lower_prio_no_advert\n vrrp_startup_delay 5.5\n"
                + " vrrp_garp_interval 0.2\n}\n"
                + instance("VI_1", "") + instance("VI_2", " garp_master_repeat 7\n garp_master_refresh_repeat 4\n higher_prio_send_advert\n"));
        assertTrue(cfg(r, "VI_1"), cfg(r, "VI_1").endsWith("garpMasterDelay = 10\ngarpMasterRepeat = 3\ngarpMasterRefresh = 60\n"
                + "garpMasterRefreshRepeat = 2\ngarpLowerPrioRepeat = 1\nlowerPrioNoAdvert = true\nstartupDelay = 5.5\ngarpInterval = 0.2\n"));
        assertTrue(cfg(r, "VI_2"), cfg(r, "VI_2").contains("garpMasterRepeat = 7\ngarpMasterRefreshRepeat = 4\nhigherPrioSendAdvert = true\n"
                + "garpMasterDelay = 10\ngarpMasterRefresh = 60\n"));
        assertTrue("every global is taken: " + r.notes(), r.notes().isEmpty());
    }

    @Test
    public void strictModeResetsWhatKeepalivedResetsAndRefusesUnicast() throws Exception {
        Importer.Result r = convert("global_defs {\n vrrp_strict\n}\n" + instance("VI_1", " state MASTER\n preempt_delay 3\n"
                + " garp_lower_prio_repeat 2\n authentication {\n  auth_type PASS\n  auth_pass secret\n }\n")
                + instance("VI_2", " strict_mode off\n authentication {\n  auth_type PASS\n  auth_pass secret\n }\n")
                + instance("VI_3", " unicast_peer {\n  192.0.2.2\n }\n"));
        String strict = cfg(r, "VI_1");
        assertTrue(strict, strict.contains("initialState = BACKUP\n") && strict.contains("strict = true\n"));
        assertFalse(strict, strict.contains("authType") || strict.contains("preemptDelay") || strict.contains("garpLowerPrioRepeat"));
        assertNoted(r, "note: keepalived.conf:11: VI_1: state MASTER in strict mode is the address owner's only: BACKUP, as keepalived makes it");
        assertNoted(r, "note: keepalived.conf:14: VI_1: authentication in strict mode: ignored, as keepalived does");
        assertNoted(r, "note: keepalived.conf:12: VI_1: preempt_delay 3 in strict mode: reset, as keepalived does");
        assertNoted(r, "note: keepalived.conf:13: VI_1: garp_lower_prio_repeat 2 in strict mode: reset, as keepalived does");
        assertTrue("strict_mode off wins over the global", cfg(r, "VI_2").contains("authType = pass\n") && !cfg(r, "VI_2").contains("strict"));
        assertFalse(r.files().containsKey("org.vrrpd.vrrp.instance-VI_3.cfg"));
        assertNoted(r, "not imported: keepalived.conf:39: VI_3: unicast peers in strict mode: keepalived refuses the configuration, so the "
                + "instance is not imported");
    }

    @Test
    public void aPreemptDelayBesideNopreemptGoesAsKeepalivedResetsIt() throws Exception {
        Importer.Result r = convert(instance("VI_1", " nopreempt\n preempt_delay 5\n"));
        assertFalse(cfg(r, "VI_1"), cfg(r, "VI_1").contains("preemptDelay"));
        assertNoted(r, "note: keepalived.conf:9: VI_1: preempt_delay with nopreempt: ignored, as keepalived does");
    }

    @Test
    public void aSyncGroupsNotifyScriptsAreTheGroups() throws Exception {
        Importer.Result r = convert(instance("VI_1", "") + instance("VI_2", "").replace("51", "52") + "vrrp_sync_group VG {\n group {\n"
                + "  VI_2\n  VI_1\n }\n notify_master \"/etc/keepalived/up.sh VG\"\n notify /etc/keepalived/group.sh\n}\n");
        assertEquals("# imported from keepalived.conf by vrrp-import; the next import replaces or removes this file\n"
                + "vrrp.instance = VI_1, VI_2\nsyncGroup = VG\nnotifyMaster = /etc/keepalived/up.sh VG\nnotify = /etc/keepalived/group.sh\n",
                r.files().get("org.vrrpd.notify.script-group-VG.cfg"));
        assertTrue(r.notes().toString(), r.notes().isEmpty());
    }

    @Test
    public void aSyncGroupsOwnTracksGoToEveryMemberWithTheirWeights() throws Exception {
        String scripts = "vrrp_script chk {\n script /bin/true\n weight -10\n}\n";
        Importer.Result r = convert(scripts + instance("VI_1", "") + instance("VI_2", "").replace("51", "52")
                + "vrrp_sync_group VG {\n group {\n  VI_1\n  VI_2\n }\n track_interface {\n  eth1 weight -20\n }\n track_script {\n  chk\n }\n}\n");
        for (String member : new String[] {"VI_1", "VI_2"}) {
            assertTrue(r.files().toString(), r.files().get("org.vrrpd.track.interface-" + member + "-eth1.cfg").contains("weight = -20\n"));
            assertTrue(r.files().get("org.vrrpd.track.script-" + member + "-chk.cfg").contains("weight = -10\n"));
        }
        r = convert(scripts + instance("VI_1", " priority 255\n") + "vrrp_sync_group VG {\n group {\n  VI_1\n }\n track_script {\n  chk\n }\n}\n");
        assertTrue(r.files().get("org.vrrpd.track.script-VI_1-chk.cfg").contains("weight = 0\n"));
        assertNoted(r, "note: keepalived.conf:19: VI_1: track_script chk weight -10 is 0, as keepalived makes it: a member of sync group VG "
                + "owns its addresses (priority 255); a failing chk faults the instance");
    }

    @Test
    public void rfcSnmpBecomesTheAgentxSubagentWithItsSocketAndTraps() throws Exception {
        Importer.Result r = convert("global_defs {\n enable_snmp_rfcv3\n enable_snmp_vrrp\n snmp_socket tcp:localhost:705\n enable_traps\n}\n"
                + instance("VI_1", ""));
        String snmp = r.files().get("org.vrrpd.snmp.cfg");
        assertTrue(String.valueOf(snmp), snmp != null && snmp.endsWith("socket = tcp:localhost:705\ntraps = true\n"));
        assertNoted(r, "note: keepalived.conf:2: global_defs enable_snmp_rfcv3: vrrpd serves both VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527)");
        assertNoted(r, "not imported: keepalived.conf:3: global_defs enable_snmp_vrrp: KEEPALIVED-MIB is not served (vrrpd serves the RFC"
                + " MIBs: enable_snmp_rfc)");
    }

    @Test
    public void snmpWithoutAnRfcMibWritesNoAgentAndUdpIsRefused() throws Exception {
        Importer.Result r = convert("global_defs {\n enable_snmp_checker\n snmp_socket udp:localhost:705\n}\n" + instance("VI_1", ""));
        assertFalse(r.files().containsKey("org.vrrpd.snmp.cfg"));
        assertNoted(r, "not imported: keepalived.conf:3: global_defs snmp_socket udp:localhost:705: AgentX over UDP is not supported"
                + " (a path, unix:PATH or tcp:HOST:PORT)");
        Importer.Result plain = convert("global_defs {\n enable_snmp_rfc\n}\n" + instance("VI_1", ""));
        assertTrue(plain.files().get("org.vrrpd.snmp.cfg").endsWith("socket = /var/agentx/master\n"));
        assertEquals(plain.notes().toString(), 0, plain.notes().size());
    }

    @Test
    public void vrrpRtPriorityRaisesTheEnginesLoopThread() throws Exception {
        Importer.Result r = convert("global_defs {\n vrrp_rt_priority 50\n}\n" + instance("VI_1", ""));
        assertTrue(String.valueOf(r.files()), r.files().get("org.vrrpd.vrrp.cfg").endsWith("realtimePriority = 50\n"));
        Importer.Result bad = convert("global_defs {\n vrrp_rt_priority 0\n}\n" + instance("VI_1", ""));
        assertFalse(bad.files().containsKey("org.vrrpd.vrrp.cfg"));
        assertNoted(bad, "not imported: keepalived.conf:2: global_defs vrrp_rt_priority 0: not a SCHED_RR priority 1..99");
    }
}
