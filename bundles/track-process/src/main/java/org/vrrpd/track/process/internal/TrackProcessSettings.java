package org.vrrpd.track.process.internal;

import java.util.List;
import java.util.Locale;
import org.vrrpd.api.config.CommandLine;
import org.vrrpd.api.spi.TrackingWeight;

/**
 * A track process's configuration, checked with keepalived's ranges; free of OSGi so that
 * {@code bin/vrrpd --check} runs it. keepalived allows weights of ±254, which act as ±253 do (the
 * priority is kept within 1..254 either way), so they are carried as ±253.
 */
record TrackProcessSettings(ProcessMatcher matcher, int quorum, int quorumMax, long forkDelayNanos, long terminateDelayNanos,
                            TrackingWeight weight, long pollMillis) {
    static final int NO_MAXIMUM = 65535;

    /** @throws IllegalArgumentException {@code track-process PROCESS: KEY = VALUE rejected: WHY} */
    static TrackProcessSettings of(TrackProcessConfig config) {
        String process = config.process();
        try {
            List<String> words = CommandLine.split(process);
            if (words.isEmpty() || words.get(0).isEmpty()) {
                throw new IllegalArgumentException("process = " + (process == null ? "(missing)" : process)
                        + " rejected: required (the process name, then any parameters)");
            }
            ParamMatch match = paramMatch(config.paramMatch(), words.size() > 1);
            ProcessMatcher matcher = new ProcessMatcher(words.get(0), words.subList(1, words.size()), match,
                    config.fullCommand() || match != ParamMatch.NONE);
            int quorumMax = range("quorumMax", config.quorumMax(), 0, NO_MAXIMUM);
            int quorum = range("quorum", config.quorum(), 1, NO_MAXIMUM);
            if (quorumMax == 0 && quorum == 1) {
                quorum = 0; // keepalived: quorum_max 0 means OK only while none runs
            } else if (quorumMax < quorum) {
                throw new IllegalArgumentException("quorumMax = " + quorumMax + " rejected: less than quorum " + quorum);
            }
            long delay = nanos("delay", config.delay());
            long fork = config.forkDelay() == 0 ? delay : nanos("forkDelay", config.forkDelay());
            long terminate = config.terminateDelay() == 0 ? delay : nanos("terminateDelay", config.terminateDelay());
            int w = range("weight", config.weight(), -254, 254);
            TrackingWeight weight = new TrackingWeight(Math.max(-TrackingWeight.MAX, Math.min(TrackingWeight.MAX, w)), config.reverse());
            double poll = config.pollInterval();
            if (!(poll >= 0.01 && poll <= 60)) {
                throw new IllegalArgumentException("pollInterval = " + poll + " rejected: must be 0.01..60 seconds");
            }
            return new TrackProcessSettings(matcher, quorum, quorumMax, fork, terminate, weight, Math.round(poll * 1000));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("track-process " + process + ": " + e.getMessage(), e);
        }
    }

    boolean quorate(int running) {
        return running >= quorum && running <= quorumMax;
    }

    String describe(int running) {
        String wanted = quorumMax == NO_MAXIMUM ? "at least " + quorum : quorum + ".." + quorumMax;
        return matcher.name() + ": " + running + " running (quorum " + wanted + ")";
    }

    private static ParamMatch paramMatch(String text, boolean hasParameters) {
        if (text == null || text.isBlank()) {
            return hasParameters ? ParamMatch.EXACT : ParamMatch.NONE;
        }
        try {
            ParamMatch m = ParamMatch.valueOf(text.trim().toUpperCase(Locale.ROOT));
            if (m != ParamMatch.NONE) {
                return m;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new IllegalArgumentException("paramMatch = " + text + " rejected: must be exact, initial or partial");
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " = " + value + " rejected: must be " + min + ".." + max);
        }
        return value;
    }

    /** keepalived's delays: 0.000001..3600 s (0 here: none). */
    private static long nanos(String key, double seconds) {
        if (!(seconds >= 0 && seconds <= 3600)) {
            throw new IllegalArgumentException(key + " = " + seconds + " rejected: must be 0..3600 seconds");
        }
        return Math.round(seconds * 1e9);
    }
}
