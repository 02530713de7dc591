package org.vrrpd.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** track_file, vrrp_track_process and notify_fifo imported as keepalived 2.2.7 reads them. */
public class ImporterTrackersTest extends ImportFixture {
    private static String instance(String name, int vrid, String body) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n priority 100\n virtual_ipaddress {\n  192.0.2."
                + vrid + "/24\n }\n" + body + "}\n";
    }

    /** The file without the importer's marker line. */
    private static String body(Importer.Result r, String file) {
        String contents = r.files().get(file);
        return contents == null ? null : contents.substring(contents.indexOf('\n') + 1);
    }

    @Test
    public void trackFileBlocksAndEntriesBecomeTrackFileCheckers() throws Exception {
        Importer.Result r = convert("track_file load {\n file \"/var/run/load\"\n weight -10 reverse\n init_file 5 overwrite\n}\n"
                + "vrrp_track_file plain {\n file /var/run/plain\n}\n"
                + instance("VI_1", 51, " track_file {\n  load\n  plain weight 254 noreverse\n  missing\n }\n"));
        assertEquals("vrrp.instance = VI_1\nfile = /var/run/load\ninitFile = true\ninitValue = 5\ninitOverwrite = true\n"
                + "weight = -10\nreverse = true\n", body(r, "org.vrrpd.track.file-VI_1-load.cfg"));
        assertEquals("vrrp.instance = VI_1\nfile = /var/run/plain\nweight = 254\n",
                body(r, "org.vrrpd.track.file-VI_1-plain.cfg"));
        assertNoted(r, "not imported: keepalived.conf:19: VI_1: track_file missing names no track_file block, as keepalived ignores it");
        assertFalse(r.notes().toString(), r.notes().stream().anyMatch(n -> n.contains("'track_file' not supported")));
    }

    @Test
    public void aSyncGroupMembersTrackFileOfWeightOneIsUnweightedAndOthersDropped() throws Exception {
        Importer.Result r = convert("track_file f {\n file /run/f\n}\n"
                + "vrrp_sync_group G1 {\n group {\n  VI_1\n }\n}\n"
                + instance("VI_1", 51, " track_file {\n  f\n }\n") + instance("VI_2", 52, " track_file {\n  f weight 5\n }\n"));
        assertTrue(r.files().get("org.vrrpd.track.file-VI_1-f.cfg").contains("weight = 0\n"));
        assertNoted(r, "note: keepalived.conf:17: VI_1: track_file f weight 1 is 0, as keepalived makes it: it is in sync group G1 without "
                + "sync_group_tracking_weight");
        assertTrue("VI_2 is in no group", r.files().get("org.vrrpd.track.file-VI_2-f.cfg").contains("weight = 5\n"));
    }

    @Test
    public void trackProcessBlocksAndEntriesBecomeTrackProcessCheckers() throws Exception {
        Importer.Result r = convert("vrrp_track_process haproxy {\n process \"/usr/sbin/haproxy\" -f \"/etc/my haproxy.cfg\"\n param_match initial\n"
                + " quorum 2\n quorum_max 4\n delay 0.5\n terminate_delay 2\n weight 30\n full_command\n}\n"
                + "vrrp_track_process nginx {\n process nginx\n fork_delay 1\n bogus 1\n}\n"
                + instance("VI_1", 51, " track_process {\n  haproxy\n  nginx weight -20 reverse\n }\n"));
        assertEquals("vrrp.instance = VI_1\nprocess = /usr/sbin/haproxy -f \"/etc/my haproxy.cfg\"\nparamMatch = initial\n"
                + "quorum = 2\nquorumMax = 4\ndelay = 0.5\nterminateDelay = 2\nfullCommand = true\nweight = 30\n",
                body(r, "org.vrrpd.track.process-VI_1-haproxy.cfg"));
        assertEquals("a process's weight defaults to 0, as keepalived 2.2.7's code has it",
                "vrrp.instance = VI_1\nprocess = nginx\nforkDelay = 1\nweight = -20\nreverse = true\n",
                body(r, "org.vrrpd.track.process-VI_1-nginx.cfg"));
        assertNoted(r, "not imported: keepalived.conf:14: vrrp_track_process nginx: 'bogus' not supported");
    }

    @Test
    public void notifyFifosBecomeNotifyFifoNotifiersWithTheSyncGroups() throws Exception {
        Importer.Result r = convert("global_defs {\n notify_fifo /run/keepalived.fifo root root\n notify_fifo_script \"/usr/local/bin/reader -v\" nobody\n"
                + " vrrp_notify_fifo /run/vrrp.fifo\n lvs_notify_fifo /run/lvs.fifo\n vrrp_notify_fifo_script /bin/orphan\n}\n"
                + "vrrp_sync_group G1 {\n group {\n  VI_1\n  VI_2\n }\n}\n"
                + instance("VI_1", 51, "") + instance("VI_2", 52, ""));
        assertEquals("vrrp.instance = *\nfifo = /run/keepalived.fifo\nscript = /usr/local/bin/reader -v\nuser = nobody\n"
                + "syncGroups = G1: VI_1 VI_2\n", body(r, "org.vrrpd.notify.fifo-notify_fifo.cfg"));
        assertEquals("vrrp.instance = *\nfifo = /run/vrrp.fifo\nscript = /bin/orphan\nsyncGroups = G1: VI_1 VI_2\n",
                body(r, "org.vrrpd.notify.fifo-vrrp_notify_fifo.cfg"));
        assertNoted(r, "not imported: keepalived.conf:2: global_defs notify_fifo: the FIFO's owner root root not imported: vrrpd creates it as the daemon's user");
        assertNoted(r, "not imported: keepalived.conf:5: global_defs lvs_notify_fifo: vrrpd has no LVS health checker");
    }

    @Test
    public void aFifoScriptWithoutItsFifoIsListed() throws Exception {
        Importer.Result r = convert("global_defs {\n notify_fifo_script /bin/reader\n}\n" + instance("VI_1", 51, ""));
        assertFalse(r.files().keySet().stream().anyMatch(f -> f.startsWith("org.vrrpd.notify.fifo")));
        assertNoted(r, "not imported: keepalived.conf:2: global_defs notify_fifo_script without notify_fifo: keepalived starts nothing either");
    }

    /** keepalived's notify_priority_changes: the instance's, else its sync group's, else the global; the FIFOs list those that have it. */
    @Test
    public void notifyPriorityChangesListsTheInstancesWhosePriorityLinesTheFifoGets() throws Exception {
        Importer.Result r = convert("global_defs {\n notify_fifo /run/keepalived.fifo\n vrrp_notify_priority_changes\n}\n"
                + "vrrp_sync_group G1 {\n group {\n  VI_2\n  VI_3\n }\n notify_priority_changes false\n notify /bin/group.sh\n}\n"
                + instance("VI_1", 51, "") + instance("VI_2", 52, "") + instance("VI_3", 53, " notify_priority_changes on\n")
                + instance("VI_4", 54, " notify_priority_changes maybe\n notify_master_rx_lower_pri \"/bin/reclaim eth0\" nobody\n"));
        assertEquals("vrrp.instance = *\nfifo = /run/keepalived.fifo\nsyncGroups = G1: VI_2 VI_3\npriorityChanges = VI_1, VI_3, VI_4\n",
                body(r, "org.vrrpd.notify.fifo-notify_fifo.cfg"));
        assertNoted(r, "not imported: keepalived.conf:45: VI_4: notify_priority_changes maybe: not true or false, so keepalived ignores it");
        assertEquals("vrrp.instance = VI_4\nnotifyMasterRxLowerPri = /bin/reclaim eth0\nuser = nobody\n",
                body(r, "org.vrrpd.notify.script-VI_4-as-nobody.cfg"));
        assertEquals("the group's notify_priority_changes is no script", "vrrp.instance = VI_2, VI_3\nsyncGroup = G1\nnotify = /bin/group.sh\n",
                body(r, "org.vrrpd.notify.script-group-G1.cfg"));
        assertEquals(r.notes().toString(), 1, r.notes().size());
    }
}
