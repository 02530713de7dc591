package org.vrrpd.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Where keepalived's reading of a line is not the obvious one, the import follows keepalived (issue 16). */
public class ImporterParityTest extends ImportFixture {
    private static void assertHas(Importer.Result r, String file, String... texts) {
        String contents = r.files().get(file);
        for (String text : texts) {
            assertTrue(file + ":\n" + contents, contents != null && contents.contains(text));
        }
    }

    @Test
    public void weightsKeepTheirSignAndReverseAndScriptsLendTheirOwn() throws Exception {
        Importer.Result r = convert(instance("VI_1", " track_interface {\n  eth1 weight 20 reverse\n  eth2 weight -254\n }\n"
                + " track_script {\n  chk\n  plain weight 5 reverse\n }\n")
                + "vrrp_script chk {\n script \"/bin/true\"\n weight 10 reverse\n}\nvrrp_script plain {\n script /bin/true\n}\n");
        assertHas(r, "org.vrrpd.track.interface-VI_1-eth1.cfg", "interfaceName = eth1\nweight = 20\nreverse = true\n");
        assertHas(r, "org.vrrpd.track.interface-VI_1-eth2.cfg", "weight = -253\n");
        assertNoted(r, "note: keepalived.conf:10: VI_1: track_interface eth2 weight -254 is -253, as keepalived makes it");
        assertHas(r, "org.vrrpd.track.script-VI_1-chk.cfg", "script = /bin/true\nweight = 10\nreverse = true\n");
        assertHas(r, "org.vrrpd.track.script-VI_1-plain.cfg", "weight = 5\nreverse = true\n");
    }

    @Test
    public void weightsOutOfRangeBecomeZeroAndBadTrackEntriesAreDroppedAsKeepalivedDoes() throws Exception {
        Importer.Result r = convert(instance("VI_1", " track_interface {\n  eth1 weight 300\n  eth2 weight\n  eth3 bogus\n }\n"));
        assertHas(r, "org.vrrpd.track.interface-VI_1-eth1.cfg", "weight = 0\n");
        assertNoted(r, "note: keepalived.conf:9: VI_1: track_interface eth1 weight 300 is not within -253..253: 0 used, as keepalived does"
                + " (FAULT when it fails)");
        assertFalse(r.files().containsKey("org.vrrpd.track.interface-VI_1-eth2.cfg"));
        assertFalse(r.files().containsKey("org.vrrpd.track.interface-VI_1-eth3.cfg"));
        assertNoted(r, "not imported: keepalived.conf:11: VI_1: track_interface eth3 bogus: not understood; keepalived ignores the entry, so does the import");
    }

    @Test
    public void syncGroupMembersLoseTheirWeightsUnlessTheGroupKeepsThem() throws Exception {
        String rest = instance("VI_1", " track_interface {\n  eth1 weight -20\n }\n track_script {\n  chk weight -30\n }\n")
                + "vrrp_script chk {\n script /bin/true\n}\n";
        Importer.Result r = convert(rest + "vrrp_sync_group VG {\n group {\n  VI_1\n }\n}\n");
        assertHas(r, "org.vrrpd.track.interface-VI_1-eth1.cfg", "weight = 0\n");
        assertNoted(r, "note: keepalived.conf:9: VI_1: track_interface eth1 weight -20 ignored, as keepalived does: it is in sync group VG"
                + " without sync_group_tracking_weight; a down eth1 faults the instance");
        assertFalse(r.files().containsKey("org.vrrpd.track.script-VI_1-chk.cfg"));
        assertNoted(r, "not imported: keepalived.conf:12: VI_1: track_script chk with weight -30 ignored, as keepalived does: it is in sync"
                + " group VG without sync_group_tracking_weight");

        r = convert(rest + "vrrp_sync_group VG {\n group {\n  VI_1\n }\n sync_group_tracking_weight\n}\n");
        assertHas(r, "org.vrrpd.track.interface-VI_1-eth1.cfg", "weight = -20\n");
        assertHas(r, "org.vrrpd.track.script-VI_1-chk.cfg", "weight = -30\n");
    }

    @Test
    public void anAddressOwnerDropsWeightedTracksAndKeepsUnweightedOnes() throws Exception {
        Importer.Result r = convert(instance("VI_1", " priority 255\n track_interface {\n  eth1 weight -20\n  eth2\n }\n"));
        assertFalse(r.files().containsKey("org.vrrpd.track.interface-VI_1-eth1.cfg"));
        assertNoted(r, "note: keepalived.conf:10: VI_1: track_interface eth1 weight -20 ignored, as keepalived does: it owns its addresses"
                + " (priority 255); not tracked");
        assertHas(r, "org.vrrpd.track.interface-VI_1-eth2.cfg", "weight = 0\n");
    }

    @Test
    public void theOldSyncGroupSyntaxKeepsItsMembers() throws Exception {
        Importer.Result r = convert(instance("VI_1", "") + instance("VI_2", "") + "vrrp_sync_group VG {\n VI_1\n VI_2\n}\n"
                + "vrrp_sync_group VH {\n group {\n  VI_3 VI_4\n }\n}\n" + instance("VI_3", "") + instance("VI_4", ""));
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "syncGroup = VG\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_2.cfg", "syncGroup = VG\n");
        assertNoted(r, "note: keepalived.conf:18: vrrp_sync_group VG: members without a 'group { }' block (old syntax): imported as members");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_3.cfg", "syncGroup = VH\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_4.cfg", "syncGroup = VH\n");
    }

    @Test
    public void aPasswordLongerThan8BytesIsCutToKeepalivedsFirst8() throws Exception {
        Importer.Result r = convert(instance("VI_1", " authentication {\n  auth_type PASS\n  auth_pass 0123456789ab\n }\n"));
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "authPassword = 01234567\n");
        assertNoted(r, "note: keepalived.conf:10: VI_1: auth_pass is longer than 8 bytes: only its first 8 are imported, as keepalived uses");
    }

    @Test
    public void fractionalSecondsPassToKeysThatTakeThem() throws Exception {
        Importer.Result r = convert(instance("VI_1", " preempt_delay 2.5\n track_script {\n  chk\n }\n")
                + "vrrp_script chk {\n script /bin/true\n interval 0.5\n timeout 0.25\n}\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "preemptDelay = 2.5\n");
        assertHas(r, "org.vrrpd.track.script-VI_1-chk.cfg", "interval = 0.5\ntimeout = 0.25\n");

        r = convert(instance("VI_1", " track_script {\n  chk\n }\n") + "vrrp_script chk {\n script /bin/true\n interval 0\n timeout 0\n}\n");
        assertHas(r, "org.vrrpd.track.script-VI_1-chk.cfg", "interval = 1\ntimeout = 1\n");
        assertNoted(r, "note: keepalived.conf:15: vrrp_script chk: timeout 0 is 1 s, as keepalived makes it");
    }

    @Test
    public void aRepeatedVirtualAddressIsImportedOnce() throws Exception {
        Importer.Result r = convert("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n virtual_ipaddress {\n  192.0.2.100/24\n"
                + "  192.0.2.101\n  192.0.2.100/32\n }\n}\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "virtualAddresses = 192.0.2.100/24, 192.0.2.101\n");
        assertNoted(r, "note: keepalived.conf:7: VI_1: virtual_ipaddress 192.0.2.100/32 repeats 192.0.2.100/24: imported once");
    }

    @Test
    public void scriptUsersAndGroupsAreKept() throws Exception {
        Importer.Result r = convert(instance("VI_1", " notify_master \"/etc/keepalived/master.sh up\" alice staff\n"
                + " notify_backup /etc/keepalived/backup.sh alice staff\n notify /etc/keepalived/notify.sh\n track_script {\n  chk\n }\n")
                + "vrrp_script chk {\n script /bin/true\n user bob\n}\n");
        assertHas(r, "org.vrrpd.notify.script-VI_1-as-alice-staff.cfg", "notifyMaster = /etc/keepalived/master.sh up\n"
                + "notifyBackup = /etc/keepalived/backup.sh\nuser = alice\ngroup = staff\n");
        assertHas(r, "org.vrrpd.notify.script-VI_1.cfg", "notify = /etc/keepalived/notify.sh\n");
        assertNoted(r, "note: keepalived.conf:10: VI_1: notify scripts run as different users: one notify-script file each; between the files"
                + " the order is not kept");
        assertHas(r, "org.vrrpd.track.script-VI_1-chk.cfg", "user = bob\n");
    }

    @Test
    public void theGlobalLvsSyncDaemonIsImported() throws Exception {
        Importer.Result r = convert("global_defs {\n lvs_sync_daemon eth1 VI_1 id 7 port 8848\n}\n" + instance("VI_1", ""));
        assertEquals("# imported from keepalived.conf by vrrp-import; the next import replaces or removes this file\n"
                + "instance = VI_1\ninterfaceName = eth1\nsyncId = 7\n", r.files().get("org.vrrpd.lvs.cfg"));
        assertNoted(r, "not imported: keepalived.conf:2: lvs_sync_daemon port 8848 not supported; the kernel's default is used");

        r = convert("global_defs {\n lvs_sync_daemon eth1 inst VI_1\n}\n" + instance("VI_1", " lvs_sync_daemon_interface eth2\n"));
        assertHas(r, "org.vrrpd.lvs.cfg", "interfaceName = eth1\nsyncId = 51\n");
        assertNoted(r, "not imported: keepalived.conf:11: lvs_sync_daemon_interface: the LVS sync daemon is already given at keepalived.conf:2:"
                + " ignored, as keepalived does");
    }

    @Test
    public void version3AndItsCentisecondIntervalsCarryOver() throws Exception {
        Importer.Result r = convert("global_defs {\n vrrp_version 3\n}\n" + instance("VI_1", " advert_int 0.05\n")
                + instance("VI_2", " version 2\n advert_int 1.6\n") + instance("VI_3", " advert_int 0.123\n")
                + instance("VI_4", " advert_int 41\n"));
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "advertInterval = 0.05\n", "version = 3\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_2.cfg", "advertInterval = 2\n");
        assertNoted(r, "note: keepalived.conf:21: VI_2: advert_int 1.6 rounded to 2 s, as keepalived does for VRRPv2 (which counts whole "
                + "seconds; version 3 takes fractions)");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_3.cfg", "advertInterval = 0.12\n");
        assertNoted(r, "note: keepalived.conf:30: VI_3: advert_int 0.123 rounded to 0.12 s (VRRPv3 counts centiseconds)");
        assertNoted(r, "not imported: keepalived.conf:39: VI_4: advert_int 41 outside VRRPv3's 0.01..40.95 s; 1 s used");
        assertFalse("the global default is no note", r.notes().stream().anyMatch(n -> n.contains("vrrp_version")));
    }

    @Test
    public void ipv6InstancesCarryOverAsVrrpv3() throws Exception {
        Importer.Result r = convert("vrrp_instance V6 {\n interface eth0\n virtual_router_id 11\n priority 150\n advert_int 0.5\n"
                + " virtual_ipaddress {\n  2001:db8::110/64\n  192.0.2.110/24\n }\n}\n"
                + "vrrp_instance V6N {\n interface eth0\n virtual_router_id 12\n version 2\n native_ipv6\n virtual_ipaddress {\n"
                + "  2001:DB8:0::120/64\n }\n}\n");
        assertHas(r, "org.vrrpd.vrrp.instance-V6.cfg", "virtualAddresses = 2001:db8::110/64\n", "version = 3\n", "advertInterval = 0.5\n");
        assertNoted(r, "not imported: keepalived.conf:8: V6: IPv4 address 192.0.2.110/24 in an IPv6 instance (its family is its first "
                + "address's or native_ipv6): left out, as keepalived ignores it; give it an instance of its own");
        assertHas(r, "org.vrrpd.vrrp.instance-V6N.cfg", "version = 3\n");
        assertNoted(r, "note: keepalived.conf:14: V6N: an IPv6 instance: version 3 imported (VRRPv2 has no IPv6)");
        assertFalse("native_ipv6 is understood", r.notes().stream().anyMatch(n -> n.contains("native_ipv6' not supported")));
    }

    @Test
    public void unicastPeersCarryOver() throws Exception {
        Importer.Result r = convert(instance("VI_1", " unicast_src_ip 192.0.2.1\n unicast_ttl 254\n unicast_peer {\n  192.0.2.2\n"
                + "  198.51.100.2 min_ttl 250 max_ttl 255\n }\n"));
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "unicastSource = 192.0.2.1\nunicastTtl = 254\n"
                + "unicastPeers = 192.0.2.2, 198.51.100.2@250-255\n");
    }

    /** An IPv6 instance's unicast_src_ip and unicast_peer (global and link-local, with min_ttl/max_ttl) carry over as they are. */
    @Test
    public void ipv6UnicastPeersCarryOver() throws Exception {
        Importer.Result r = convert("vrrp_instance V6 {\n interface eth0\n virtual_router_id 51\n priority 100\n virtual_ipaddress {\n"
                + "  2001:db8::100/64\n }\n unicast_src_ip 2001:db8::1\n unicast_peer {\n  2001:db8::2\n  fe80::2 min_ttl 254\n }\n}\n");
        assertHas(r, "org.vrrpd.vrrp.instance-V6.cfg", "version = 3\n");
        assertHas(r, "org.vrrpd.vrrp.instance-V6.cfg", "unicastSource = 2001:db8::1\n");
        assertHas(r, "org.vrrpd.vrrp.instance-V6.cfg", "unicastPeers = 2001:db8::2, fe80::2@254-255\n");
        assertFalse(r.notes().toString(), r.notes().stream().anyMatch(n -> n.contains("unicast")));
    }

    /** use_vmac [[name] NAME] [MAC] [netlink_notify_msg] [group G], vmac_xmit_base; a MAC of its own refuses the instance by line. */
    @Test
    public void useVmacAndVmacXmitBaseCarryOverAndAMacOfItsOwnRefusesTheInstance() throws Exception {
        Importer.Result r = convert(instance("VI_1", " use_vmac\n") + instance("VI_2", " use_vmac vmac51\n vmac_xmit_base\n")
                + instance("VI_3", " use_vmac name group netlink_notify_msg\n") + instance("VI_4", " use_vmac vrrp.4 02:00:00:00:00:04\n"));
        assertHas(r, "org.vrrpd.vrrp.instance-VI_1.cfg", "useVmac = true\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_2.cfg", "useVmac = vmac51\nvmacXmitBase = true\n");
        assertHas(r, "org.vrrpd.vrrp.instance-VI_3.cfg", "useVmac = group\n");
        assertNoted(r, "not imported: keepalived.conf:27: VI_3: use_vmac netlink_notify_msg ignored (vrrpd reads the kernel's own link messages)");
        assertFalse("an instance that would answer with another MAC is not written", r.files().containsKey("org.vrrpd.vrrp.instance-VI_4.cfg"));
        assertNoted(r, "not imported: keepalived.conf:36: VI_4: use_vmac with a MAC address of its own is not supported (vrrpd uses "
                + "the RFC's 00:00:5e:00:01:VRID), so the instance is not imported");
    }
}
