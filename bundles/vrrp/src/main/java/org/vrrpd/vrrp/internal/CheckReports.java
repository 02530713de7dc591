package org.vrrpd.vrrp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vrrpd.api.spi.CheckStatus;

/** The latest report of each checker bound to one instance, and what they add up to. Owned by the event loop. */
final class CheckReports {
    private record Report(String checker, CheckStatus status) {
    }

    private final Map<Object, Report> reports = new LinkedHashMap<>();

    /** Replaces {@code source}'s previous report. */
    void report(Object source, String checker, CheckStatus status) {
        reports.put(source, new Report(checker, status));
    }

    void remove(Object source) {
        reports.remove(source);
    }

    int priorityDelta() {
        int sum = 0;
        for (Report r : reports.values()) {
            sum += r.status.priorityDelta();
        }
        return sum;
    }

    /** One fault cause per checker that forces FAULT, e.g. "checker track eth1: eth1 is DOWN". */
    Set<FaultCause> faultCauses() {
        Set<FaultCause> causes = new LinkedHashSet<>();
        for (Report r : reports.values()) {
            if (r.status.fault()) {
                causes.add(FaultCause.checker(r.checker, r.status.reason()));
            }
        }
        return causes;
    }

    /** For vrrp:show: each checker's weight or fault and its reason. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Report r : reports.values()) {
            CheckStatus s = r.status;
            out.add(r.checker + " " + (s.fault() ? "FAULT" : String.format("%+d", s.priorityDelta())) + " (" + s.reason() + ")");
        }
        return out;
    }
}
