package org.vrrpd.api.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contexts a checker was started for, for a checker whose one status applies to all of them:
 * a context added is told the latest status at once, and every new status goes to every context.
 * Safe from any thread.
 */
public final class CheckerContexts {
    private final List<CheckerContext> contexts = new CopyOnWriteArrayList<>();
    private volatile CheckStatus status;

    public CheckerContexts(CheckStatus initial) {
        status = initial;
    }

    /** For {@link Checker#start}. */
    public void add(CheckerContext context) {
        contexts.add(context);
        context.report(status);
    }

    /** For {@link Checker#stop}. */
    public void remove(CheckerContext context) {
        contexts.remove(context);
    }

    /** Records {@code now} and tells every context. */
    public void report(CheckStatus now) {
        status = now;
        contexts.forEach(c -> c.report(now));
    }

    public CheckStatus status() {
        return status;
    }
}
