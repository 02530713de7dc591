package org.vrrpd.itests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The differential test's keepalived.conf files, as keepalived users write them, and the events
 * each goes through ({@link DiffEvents}' verbs). Router r1 has priority 150, r2 100; the flags are
 * the files the tracked scripts test, present at the start.
 */
final class DiffScenarios {
    /** A keepalived.conf per role, with its flag files and its events. */
    record Scenario(String template, Map<String, List<String>> flags, List<String> events) {
        String conf(String role, Path flags, Path notify) {
            return template.replace("@ROLE@", role).replace("@PRIO@", role.equals("r1") ? "150" : "100")
                    .replace("@FLAGS@", flags.toString()).replace("@NOTIFY@", notify.toString());
        }
    }

    private DiffScenarios() {
    }

    /**
     * One instance: eth1 tracked with weight -60, a script subtracting 30 while it fails, one
     * adding 15 while it succeeds (only r2 has its flag: 115 against r1's 150).
     */
    static final Scenario WEIGHTS = new Scenario("""
            global_defs {
                router_id @ROLE@
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
                notify @NOTIFY@
                virtual_ipaddress {
                    192.0.2.100/24
                }
            }
            """, Map.of("r1", List.of("app"), "r2", List.of("app", "bonus")),
            List.of("start r1 r2", "pull r1 eth1", "plug r1 eth1", "fail r1 app", "fail r2 bonus", "kill r1", "start r1", "heal r1 app"));

    /**
     * A sync group: VI_EXT on eth0 and VI_INT on eth1 move together; a script without a weight
     * faults VI_EXT (and with it the group), a pulled eth1 faults VI_INT.
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
}
