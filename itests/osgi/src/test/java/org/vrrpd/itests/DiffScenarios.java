package org.vrrpd.itests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The differential test's keepalived.conf files, as keepalived users write them, and the events
 * each goes through ({@link DiffEvents}' verbs). Router r1 has priority 150, r2 100 (@PRIO2@: the other way round); the flags are
 * the files the tracked scripts test, present at the start ({@code NAME=VALUE}: holding VALUE).
 */
final class DiffScenarios {
    /** A keepalived.conf per role, with its flag files and its events. */
    record Scenario(String template, Map<String, List<String>> flags, List<String> events) {
        String conf(String role, Path flags, Path notify) {
            return template.replace("@ROLE@", role).replace("@PRIO@", role.equals("r1") ? "150" : "100")
                    .replace("@PRIO2@", role.equals("r1") ? "100" : "150")
                    .replace("@FLAGS@", flags.toString()).replace("@NOTIFY@", notify.toString())
                    .replace("@FIFOREADER@", notify.resolveSibling(FIFO_READER).toString());
        }
    }

    /** keepalived's notify_fifo_script beside the notify script: it appends what the FIFO (its last argument) says to FIFO.log. */
    static final String FIFO_READER = "fifo-reader.sh";

    private DiffScenarios() {
    }

    /**
     * One instance: eth1 tracked with weight -60, a script subtracting 30 while it fails, one
     * adding 15 while it succeeds (only r2 has its flag: 115 against r1's 150), a tracked file
     * whose number counts -10 each; a notify FIFO with keepalived's priority lines.
     */
    static final Scenario WEIGHTS = new Scenario("""
            global_defs {
                router_id @ROLE@
                notify_fifo @FLAGS@/notify.fifo
                notify_fifo_script @FIFOREADER@
                vrrp_notify_priority_changes
            }
            vrrp_script chk_app {
                script "/usr/bin/test -f @FLAGS@/app"
                interval 1
                fall 1
                rise 1
                weight -30
            }
            vrrp_script chk_bonus {
                script "/usr/bin/test -f @FLAGS@/bonus"
                interval 1
                weight 15
            }
            track_file load {
                file "@FLAGS@/load"
                weight -10
            }
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority @PRIO@
                advert_int 1
                authentication {
                    auth_type PASS
                    auth_pass diff4711
                }
                track_interface {
                    eth1 weight -60
                }
                track_script {
                    chk_app
                    chk_bonus
                }
                track_file {
                    load
                }
                notify @NOTIFY@
                virtual_ipaddress {
                    192.0.2.100/24
                }
            }
            """, Map.of("r1", List.of("app", "load=0"), "r2", List.of("app", "bonus", "load=0")),
            List.of("start r1 r2", "pull r1 eth1", "plug r1 eth1", "fail r1 app", "fail r2 bonus", "kill r1", "start r1", "heal r1 app",
                    "set r1 load 6", "set r1 load 0"));

    /**
     * A sync group with its own notify script: VI_EXT on eth0 and VI_INT on eth1 move together; a
     * script without a weight faults VI_EXT (and with it the group), a pulled eth1 faults VI_INT.
     */
    static final Scenario SYNC_GROUP = new Scenario("""
            global_defs {
                router_id @ROLE@
            }
            vrrp_script chk_svc {
                script "/usr/bin/test -f @FLAGS@/svc"
                interval 1
                fall 1
                rise 1
            }
            vrrp_sync_group VG_1 {
                group {
                    VI_EXT
                    VI_INT
                }
                notify @NOTIFY@
            }
            vrrp_instance VI_EXT {
                state BACKUP
                interface eth0
                virtual_router_id 61
                priority @PRIO@
                advert_int 1
                track_script {
                    chk_svc
                }
                notify @NOTIFY@
                virtual_ipaddress {
                    192.0.2.100/24
                }
            }
            vrrp_instance VI_INT {
                state BACKUP
                interface eth1
                virtual_router_id 62
                priority @PRIO@
                advert_int 1
                notify @NOTIFY@
                virtual_ipaddress {
                    198.51.100.100/24
                }
            }
            """, Map.of("r1", List.of("svc"), "r2", List.of("svc")),
            List.of("start r1 r2", "fail r1 svc", "heal r1 svc", "pull r1 eth1", "plug r1 eth1", "kill r1", "start r1"));

    /**
     * Active/active on one link: r1 is VI_A's master (150, plus 60 while its proxy check succeeds,
     * preempting after a delay of 2 s), r2 VI_B's (150 against 100, nopreempt). r2 starts first; a
     * restarted r2 must not take VI_B back (nopreempt).
     */
    static final Scenario ACTIVE_ACTIVE = new Scenario("""
            global_defs {
                router_id @ROLE@
            }
            vrrp_script chk_proxy {
                script "/usr/bin/test -f @FLAGS@/proxy"
                interval 1
                fall 1
                rise 1
                weight 60
            }
            vrrp_instance VI_A {
                state BACKUP
                interface eth0
                virtual_router_id 71
                priority @PRIO@
                advert_int 1
                preempt_delay 2
                track_script {
                    chk_proxy
                }
                notify @NOTIFY@
                virtual_ipaddress {
                    192.0.2.101/24
                }
            }
            vrrp_instance VI_B {
                state BACKUP
                interface eth0
                virtual_router_id 72
                priority @PRIO2@
                advert_int 1
                nopreempt
                notify @NOTIFY@
                virtual_ipaddress {
                    192.0.2.102/24
                }
            }
            """, Map.of("r1", List.of("proxy"), "r2", List.of("proxy")),
            List.of("start r2", "start r1", "fail r1 proxy", "heal r1 proxy", "kill r2", "start r2", "kill r1", "start r1"));
}
