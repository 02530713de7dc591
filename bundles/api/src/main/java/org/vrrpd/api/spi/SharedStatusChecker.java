package org.vrrpd.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A checker whose one status applies to every instance it is started for — a file, a process, a
 * script, checked once for all of them: {@link #start} and {@link #stop} keep the contexts (a
 * {@link CheckerContexts}), a context started is told the latest status at once, and
 * {@link #report} tells every context. Until the first report the status weighs nothing.
 */
@ConsumerType
public abstract class SharedStatusChecker implements Checker {
    private final CheckerContexts contexts = new CheckerContexts(new CheckStatus(0, false, "not checked yet"));

    @Override
    public final void start(CheckerContext context) {
        contexts.add(context);
    }

    @Override
    public final void stop(CheckerContext context) {
        contexts.remove(context);
    }

    /** Records {@code now} and tells every context; from any thread. */
    protected final void report(CheckStatus now) {
        contexts.report(now);
    }

    /** The latest status. */
    protected final CheckStatus status() {
        return contexts.status();
    }
}
