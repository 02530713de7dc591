package org.vrrpd.vrrp.internal;

/** The descriptors a loop polls, each with what to do when it has input: the event loop, or nothing at all in a benchmark. */
interface Descriptors {
    /** Something to do when a descriptor has input; runs on the loop thread. */
    interface ReadHandler {
        void readable();
    }

    /** Watches {@code fd}; loop thread only. */
    void register(int fd, ReadHandler handler);

    void unregister(int fd);
}
