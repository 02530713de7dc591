package org.vrrpd.service.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * keepalived's signals in the JVM (sun.misc.Signal, the only way a Java program can catch them).
 * Each handler hands its action to an executor: the service's thread for the dumps and the reload
 * (the JVM's signal thread must not wait on the framework), the signal's own thread for a stop. The
 * JVM's own handlers — SIGHUP's, SIGTERM's and SIGINT's are a shutdown — come back when this bundle
 * stops.
 */
final class SignalHandlers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalHandlers.class);
    /** HotSpot suspends and resumes threads with SIGUSR2 unless _JAVA_SR_SIGNUM names another signal (bin/vrrpd does). */
    private static final String SUSPEND_SIGNAL_VARIABLE = "_JAVA_SR_SIGNUM";
    private static final String SIGUSR2_NUMBER = "12";
    /**
     * HotSpot leaves these alone when they were ignored as the JVM started (nohup ignores SIGHUP, a
     * script's background job SIGINT): handle() then returns SIG_IGN and installs nothing.
     */
    private static final Set<String> KEPT_IGNORED_BY_THE_JVM = Set.of("HUP", "INT", "TERM");

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    /** Installs {@code actions} (signal name without "SIG" → what to do), each run on {@code thread}. */
    SignalHandlers(Map<String, Runnable> actions, Executor thread) {
        for (Map.Entry<String, Runnable> action : actions.entrySet()) {
            String name = action.getKey();
            if (name.equals("USR2") && !suspendSignalMoved()) {
                LOG.info("SIGUSR2 is left to the JVM, which suspends threads with it here ({} not set); no statistics dump on SIGUSR2",
                        SUSPEND_SIGNAL_VARIABLE);
                continue;
            }
            Signal signal = new Signal(name);
            Runnable task = action.getValue();
            try {
                SignalHandler before = Signal.handle(signal, caught -> thread.execute(task));
                if (before == SignalHandler.SIG_IGN && KEPT_IGNORED_BY_THE_JVM.contains(name)) {
                    Signal.handle(signal, SignalHandler.SIG_IGN); // as the JVM keeps it
                    LOG.warn("SIG{} was ignored when the JVM started (nohup, or a script's background job) and the JVM keeps it so: "
                            + "it does nothing here (bin/vrrpd resets it where env has --default-signal)", name);
                    continue;
                }
                previous.put(signal, before);
            } catch (IllegalArgumentException refused) {
                LOG.warn("cannot handle SIG{}: {}", name, refused.getMessage());
            }
        }
        LOG.info("handling {}", previous.keySet());
    }

    private static boolean suspendSignalMoved() {
        String number = System.getenv(SUSPEND_SIGNAL_VARIABLE);
        return number != null && !number.isBlank() && !number.strip().equals(SIGUSR2_NUMBER);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
