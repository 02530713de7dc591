package org.vrrpd.track.script.internal;

import org.vrrpd.api.spi.TrackingWeight;
import org.vrrpd.kernel.ScriptUser;

/**
 * A track script's configuration, checked: what the checker runs on, and what the config check
 * refuses. Free of OSGi and logging so that {@code bin/vrrpd --check} can run it on a plain classpath.
 *
 * @param user null: the daemon's own user
 */
record ScriptSettings(String script, long intervalMillis, long timeoutMillis, TrackingWeight weight, ScriptUser user) {
    /** @throws IllegalArgumentException {@code track-script 'SCRIPT': KEY = VALUE rejected: WHY} */
    static ScriptSettings of(TrackScriptConfig config) {
        String script = config.script();
        try {
            if (script == null || script.isBlank()) {
                throw new IllegalArgumentException("script = (missing) rejected: required (the command to run)");
            }
            long interval = millis("interval", config.interval());
            long timeout = config.timeout() == 0 ? interval : millis("timeout", config.timeout());
            TrackingWeight weight = new TrackingWeight(config.weight(), config.reverse());
            ScriptUser user = config.user() == null || config.user().isBlank() ? null : ScriptUser.of(config.user(), config.group());
            return new ScriptSettings(script, interval, timeout, weight, user);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("track-script '" + script + "': " + e.getMessage(), e);
        }
    }

    /** keepalived reads these to the millisecond; less than that would be a busy loop. */
    private static long millis(String key, double seconds) {
        long ms = Math.round(seconds * 1000);
        if (!(seconds > 0) || ms < 1 || ms > 3_600_000) {
            throw new IllegalArgumentException(key + " = " + seconds + " rejected: must be 0.001..3600 seconds");
        }
        return ms;
    }
}
