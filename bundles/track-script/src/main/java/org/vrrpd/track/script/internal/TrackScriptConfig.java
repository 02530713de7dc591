package org.vrrpd.track.script.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * keepalived's vrrp_script + track_script: a factory configuration {@code org.vrrpd.track.script},
 * e.g. {@code etc/org.vrrpd.track.script-haproxy.cfg}.
 */
@ObjectClassDefinition(name = "Track script", description = "keepalived's vrrp_script: a command whose exit status adjusts instances.")
@interface TrackScriptConfig {
    @AttributeDefinition(name = "vrrp.instance", description = "Instances to adjust (names), or *.")
    String[] vrrp_instance();

    @AttributeDefinition(description = "Command line, run by /bin/sh -c; exit status 0 means OK (keepalived: script).")
    String script();

    @AttributeDefinition(description = "Seconds between runs, to the millisecond, e.g. 0.5 (keepalived: interval; whole seconds before 2.3.2).")
    double interval() default 1;

    @AttributeDefinition(description = "Seconds a run may take before it is killed and counted as a failure, to the millisecond; "
            + "0: the interval, keepalived's default (keepalived: timeout).")
    double timeout() default 0;

    @AttributeDefinition(description = "Consecutive successes that make a failed script OK again (keepalived: rise).", min = "1")
    int rise() default 1;

    @AttributeDefinition(description = "Consecutive failures that make an OK script failed (keepalived: fall).", min = "1")
    int fall() default 1;

    @AttributeDefinition(description = "-253..253 (keepalived: weight): a positive weight is added to the priority while the script "
            + "succeeds, a negative one while it fails; 0 forces FAULT while it fails.")
    int weight() default 0;

    @AttributeDefinition(description = "keepalived's 'weight W reverse': the weight is subtracted instead (0: FAULT while it succeeds).")
    boolean reverse() default false;

    @AttributeDefinition(description = "User the script runs as (keepalived: user USER); empty: the daemon's own. Needs root, "
            + "or CAP_SETUID and CAP_SETGID in the daemon's ambient set.", required = false)
    String user();

    @AttributeDefinition(description = "Group for 'user' (keepalived: user USER GROUP); empty: the user's primary group.", required = false)
    String group();
}
