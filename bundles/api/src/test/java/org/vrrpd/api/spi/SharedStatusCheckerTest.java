package org.vrrpd.api.spi;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class SharedStatusCheckerTest {
    /** Reports what it is told to, as a file or process checker reports what it read. */
    private static final class Fixed extends SharedStatusChecker {
        void set(CheckStatus now) {
            report(now);
        }
    }

    @Test
    public void startedInstancesShareOneStatusFromNeutralOn() {
        Fixed checker = new Fixed();
        List<String> heard = new ArrayList<>();
        CheckerContext vi1 = new CheckerContext() {
            @Override public String instanceName() { return "VI_1"; }
            @Override public void report(CheckStatus status) { heard.add("VI_1 " + status.reason()); }
        };
        checker.start(vi1);
        checker.set(new CheckStatus(-10, false, "load 1"));
        checker.stop(vi1);
        checker.set(new CheckStatus(-20, false, "load 2"));
        assertEquals(List.of("VI_1 not checked yet", "VI_1 load 1"), heard);
        assertEquals(new CheckStatus(-20, false, "load 2"), checker.status());
    }
}
