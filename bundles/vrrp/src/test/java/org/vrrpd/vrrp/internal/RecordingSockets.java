package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Channel sockets without a network: every advert sent is recorded with its VRID and the time it
 * left, and a send can be made to throw (an internal error inside a transition).
 */
final class RecordingSockets implements ChannelSockets {
    record Sent(int vrid, int priority, int destination, int ttl, long atNanos) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** A VRID whose sends throw, or 0. */
    volatile int failingVrid;

    @Override
    public int[] fds() {
        return new int[0];
    }

    @Override
    public int receive(int socket, ByteBuffer buffer) {
        return -1;
    }

    @Override
    public void send(ByteBuffer datagram, int destination) {
        int vrid = VrrpPacket.vrid(datagram, VrrpPacket.IPV4_HEADER_LENGTH);
        if (vrid == failingVrid) {
            throw new IllegalStateException("injected failure sending VRID " + vrid);
        }
        sent.add(new Sent(vrid, VrrpPacket.priority(datagram, VrrpPacket.IPV4_HEADER_LENGTH), destination, datagram.get(8) & 0xff,
                System.nanoTime()));
    }

    @Override
    public void setJoined(boolean join) {
        joined = join;
    }

    /** Whether the channel is in the VRRP group now. */
    volatile boolean joined;

    @Override
    public void close() {
    }

    /** The longest time between two adverts of {@code vrid} sent from {@code fromNanos} to {@code toNanos}, the window's edges included. */
    long longestGapNanos(int vrid, long fromNanos, long toNanos) {
        long last = fromNanos;
        long longest = 0;
        for (Sent s : sent) {
            if (s.vrid() == vrid && s.priority() != 0 && s.atNanos() >= fromNanos && s.atNanos() <= toNanos) {
                longest = Math.max(longest, s.atNanos() - last);
                last = s.atNanos();
            }
        }
        return Math.max(longest, toNanos - last);
    }
}
