package org.vrrpd.api.spi;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class CheckerContextsTest {
    private static CheckerContext recording(List<CheckStatus> into) {
        return new CheckerContext() {
            @Override public String instanceName() { return "VI_1"; }
            @Override public void report(CheckStatus status) { into.add(status); }
        };
    }

    @Test
    public void aNewContextHearsTheLatestStatusAndEveryoneHearsChangesUntilRemoved() {
        CheckerContexts contexts = new CheckerContexts(CheckStatus.OK);
        List<CheckStatus> a = new ArrayList<>();
        List<CheckStatus> b = new ArrayList<>();
        CheckerContext ca = recording(a);
        contexts.add(ca);
        CheckStatus down = new CheckStatus(-10, false, "down");
        contexts.report(down);
        contexts.add(recording(b));
        contexts.remove(ca);
        contexts.report(CheckStatus.OK);
        assertEquals(List.of(CheckStatus.OK, down), a);
        assertEquals(List.of(down, CheckStatus.OK), b);
        assertEquals(CheckStatus.OK, contexts.status());
    }
}
