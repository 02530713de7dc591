package org.vrrpd.track.process.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * keepalived's vrrp_track_process and an instance's track_process entry: a factory configuration
 * {@code org.vrrpd.track.process}, e.g. {@code etc/org.vrrpd.track.process-VI_1-haproxy.cfg}.
 */
@ObjectClassDefinition(name = "Track process", description = "keepalived's vrrp_track_process: whether enough matching processes run moves instances' priority.")
@interface TrackProcessConfig {
    @AttributeDefinition(name = "vrrp.instance", description = "Instances to adjust (names), or *.")
    String[] vrrp_instance();

    @AttributeDefinition(description = "keepalived's process line: the process name, then optional parameters; words split on blanks, "
            + "quotes group (e.g. haproxy, or \"/usr/sbin/haproxy\" -f /etc/haproxy/haproxy.cfg).")
    String process();

    @AttributeDefinition(description = "keepalived's param_match: exact, initial (the last parameter may be longer) or partial (the first "
            + "parameters match); empty: exact when parameters are given. Implies fullCommand.", required = false)
    String paramMatch();

    @AttributeDefinition(description = "keepalived's full_command: match the command line (/proc/PID/cmdline) instead of the process name "
            + "(/proc/PID/comm); set by parameters or paramMatch.")
    boolean fullCommand() default false;

    @AttributeDefinition(description = "Minimum number of matching processes for OK, 1..65535 (keepalived: quorum).")
    int quorum() default 1;

    @AttributeDefinition(description = "Maximum number of matching processes for OK, 0..65535 (keepalived: quorum_max; 0: OK only while none "
            + "runs). Default: no maximum.")
    int quorumMax() default TrackProcessSettings.NO_MAXIMUM;

    @AttributeDefinition(description = "Seconds, both fork and terminate delay (keepalived: delay); 0: none.")
    double delay() default 0;

    @AttributeDefinition(description = "Seconds the quorum must hold before it counts as gained (keepalived: fork_delay); 0: delay's.")
    double forkDelay() default 0;

    @AttributeDefinition(description = "Seconds the quorum must stay lost before it counts as lost (keepalived: terminate_delay); 0: delay's.")
    double terminateDelay() default 0;

    @AttributeDefinition(description = "-254..254 (keepalived: weight; 0, its default, forces FAULT while the quorum is lost): a positive "
            + "weight is added while the quorum holds, a negative one while it is lost.")
    int weight() default 0;

    @AttributeDefinition(description = "keepalived's 'weight W reverse': the weight is subtracted instead (0: FAULT while the quorum holds).")
    boolean reverse() default false;

    @AttributeDefinition(description = "Seconds between two reads of /proc, 0.01..60 (keepalived is told by the kernel's proc connector).")
    double pollInterval() default 0.2;
}
