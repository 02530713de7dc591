package org.vrrpd.kernel;

import java.io.IOException;
import org.vrrpd.kernel.internal.Native;

/** A failed system call: names the call and the errno, e.g. "bind(AF_PACKET, ifindex 9): ENODEV (No such device)". */
public class NativeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String call;
    private final int errno;

    public NativeException(String call, int errno) {
        super(call + ": " + Errno.name(errno) + " (" + Native.strerror(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The call and its salient arguments. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
