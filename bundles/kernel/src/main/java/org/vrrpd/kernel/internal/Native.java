package org.vrrpd.kernel.internal;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.vrrpd.kernel.NativeException;

/** Loads libc once and turns failed calls into {@link NativeException}s. */
public final class Native {
    public static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private Native() {
    }

    public static jnr.ffi.Runtime runtime() {
        return RUNTIME;
    }

    /** The native address of a direct buffer's first byte (not its position), for structures that point into it. */
    public static long address(java.nio.ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        return jnr.ffi.Pointer.wrap(RUNTIME, direct.duplicate().clear()).address(); // wrap() starts at the position
    }

    /** The errno saved by the last {@code @SaveError} call on this thread. */
    public static int errno() {
        return RUNTIME.getLastError();
    }

    /** Returns {@code result} when it is not negative, else throws for {@code call} with errno. */
    public static int check(int result, String call) throws NativeException {
        if (result < 0) {
            throw new NativeException(call, errno());
        }
        return result;
    }

    public static long check(long result, String call) throws NativeException {
        if (result < 0) {
            throw new NativeException(call, errno());
        }
        return result;
    }

    public static String strerror(int errno) {
        return LIBC.strerror(errno);
    }
}
