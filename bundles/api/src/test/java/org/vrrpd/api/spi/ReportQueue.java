package org.vrrpd.api.spi;

import static org.junit.Assert.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * For checkers' tests (the api's test-jar): the context of an instance VI_1 whose reports queue
 * up, taken one at a time with a deadline.
 */
public final class ReportQueue implements CheckerContext {
    private final BlockingQueue<CheckStatus> reports = new LinkedBlockingQueue<>();

    @Override
    public String instanceName() {
        return "VI_1";
    }

    @Override
    public void report(CheckStatus status) {
        reports.add(status);
    }

    /** The next report; fails when none comes within {@code seconds}. */
    public CheckStatus next(int seconds) throws InterruptedException {
        CheckStatus s = reports.poll(seconds, TimeUnit.SECONDS);
        assertNotNull("no report within " + seconds + " s", s);
        return s;
    }
}
