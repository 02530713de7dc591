package org.vrrpd.itests;

import java.util.List;

/** Silences in a capture: how long a window went without the packets that should fill it. */
final class AdvertGaps {
    private AdvertGaps() {
    }

    /**
     * The longest time in [{@code from}, {@code to}] without one of {@code times} (epoch seconds): between
     * two consecutive ones, from {@code from} to the first and from the last to {@code to}; the whole window
     * if none falls in it. A window in which the sender fell silent therefore reads as long as the silence.
     */
    static double longestSilence(List<Double> times, double from, double to) {
        double[] inWindow = times.stream().mapToDouble(Double::doubleValue).filter(t -> t >= from && t <= to).sorted().toArray();
        double longest = 0;
        double previous = from;
        for (double t : inWindow) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return Math.max(longest, to - previous);
    }
}
