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

    @AttributeDefinition(description = "Seconds between runs, 1..3600 (keepalived: interval).", min = "1", max = "3600")
    int interval() default 1;

    @AttributeDefinition(description = "Seconds a run may take before it is killed and counted as a failure (keepalived: timeout).", min = "1", max = "3600")
    int timeout() default 5;

    @AttributeDefinition(description = "Consecutive successes that make a failed script OK again (keepalived: rise).", min = "1")
    int rise() default 1;

    @AttributeDefinition(description = "Consecutive failures that make an OK script failed (keepalived: fall).", min = "1")
    int fall() default 1;

    @AttributeDefinition(description = "Added to the priority while the script is failed; 0 forces FAULT instead (keepalived: weight).")
    int weight() default 0;
}
