package org.vrrpd.kernel.internal;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls vrrpd needs. Buffers passed here are direct, so jnr-ffi hands their address to C
 * without copying.
 */
public interface LibC {
    @SaveError int socket(int domain, int type, int protocol);

    @SaveError int bind(int fd, @In ByteBuffer addr, int addrlen);

    @SaveError int getsockname(int fd, @Out ByteBuffer addr, IntByReference addrlen);

    @SaveError int setsockopt(int fd, int level, int optname, @In ByteBuffer optval, int optlen);

    @SaveError int getsockopt(int fd, int level, int optname, @Out ByteBuffer optval, IntByReference optlen);

    @SaveError @ssize_t long sendto(int fd, @In ByteBuffer buf, @size_t long len, int flags, @In ByteBuffer addr, int addrlen);

    @SaveError @ssize_t long recvfrom(int fd, @Out ByteBuffer buf, @size_t long len, int flags, @Out ByteBuffer addr,
                                      IntByReference addrlen);

    /** {@code msg} holds a struct msghdr whose pointers point into direct memory. */
    @SaveError @ssize_t long recvmsg(int fd, ByteBuffer msg, int flags);

    @SaveError @ssize_t long sendmsg(int fd, @In ByteBuffer msg, int flags);

    /** {@code msgvec} holds {@code vlen} struct mmsghdr whose pointers point into direct memory; returns how many were sent. */
    @SaveError int sendmmsg(int fd, @In ByteBuffer msgvec, int vlen, int flags);

    @SaveError int poll(ByteBuffer fds, long nfds, int timeout);

    /** poll with a struct timespec timeout (NULL: forever) and no signal mask change (NULL). */
    @SaveError int ppoll(ByteBuffer fds, long nfds, @In ByteBuffer timeout, @In ByteBuffer sigmask);

    @SaveError int ioctl(int fd, long request, ByteBuffer arg);

    @SaveError int close(int fd);

    @SaveError int if_nametoindex(String name);

    @SaveError int open(String path, int flags);

    @SaveError int mkfifo(String path, int mode);

    @SaveError int unlink(String path);

    @SaveError int setns(int fd, int nstype);

    @SaveError int eventfd(int initval, int flags);

    @SaveError @ssize_t long read(int fd, @Out ByteBuffer buf, @size_t long count);

    @SaveError @ssize_t long write(int fd, @In ByteBuffer buf, @size_t long count);

    String strerror(int errnum);

    /** {@code param}: struct sched_param (one int, the priority); pid 0 is the calling thread. */
    @SaveError int sched_setscheduler(int pid, int policy, @In ByteBuffer param);

    @SaveError int sched_getscheduler(int pid);

    @SaveError int sched_getparam(int pid, @Out ByteBuffer param);
}
