package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code inside a named network namespace (one made by {@code ip netns add}). Linux binds the
 * network namespace per thread, so the code runs on a thread of its own that has entered the
 * namespace; sockets created there stay in that namespace and may then be used from any thread.
 */
public final class NetworkNamespace {
    private NetworkNamespace() {
    }

    public static <T> T call(String name, Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                enterOnThisThread(name);
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "netns-" + name);
        thread.start();
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        } else if (t != null) {
            throw new ExecutionException(t);
        }
        return result.get();
    }

    /** Moves the calling thread, for good, into the namespace; only for threads that are yours. */
    public static void enterOnThisThread(String name) throws NativeException {
        String path = "/run/netns/" + name;
        int fd = check(LIBC.open(path, O_RDONLY | O_CLOEXEC), "open(" + path + ")");
        try {
            check(LIBC.setns(fd, CLONE_NEWNET), "setns(" + path + ", CLONE_NEWNET)");
        } finally {
            LIBC.close(fd);
        }
    }
}
