package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.SendBatch;

/**
 * The sockets one interface's VRRP traffic goes through: what an {@link InterfaceChannel} sends
 * with and receives from: raw IPv4 ({@link RawIpv4Sockets}) or IPv6 ({@link RawIpv6Sockets}); tests
 * use one without a network.
 */
interface ChannelSockets extends AutoCloseable {
    /** Opens the sockets of the interface {@code name} (index {@code index}) for IPv4 or IPv6. */
    interface Factory {
        /** The raw sockets of each family. */
        Factory RAW = (name, index, ipv6) -> ipv6 ? new RawIpv6Sockets(name, index) : new RawIpv4Sockets(name, index);

        ChannelSockets open(String name, int index, boolean ipv6) throws NativeException;
    }

    /** The descriptors to poll, one per receiving socket; {@link #receive} takes an index into them. */
    int[] fds();

    /** Reads one waiting datagram from socket {@code socket} into {@code buffer}; -1 when none waits. */
    int receive(int socket, ByteBuffer buffer) throws NativeException;

    /**
     * Sends one advert (its IP header written by us) to {@code destination}: the VRRP group, or a unicast peer (IPv4;
     * an IPv6 advert goes where its header says).
     */
    void send(ByteBuffer datagram, int destination) throws NativeException;

    /** Whether {@link #send(SendBatch, SendBatch.Refusal)} sends a batch with one system call; if not, adverts leave one by one. */
    default boolean batches() {
        return false;
    }

    /** Sends every advert of {@code batch} (sendmmsg), tells {@code refusal} of each refused one, and empties the batch. */
    default void send(SendBatch batch, SendBatch.Refusal refusal) {
        throw new UnsupportedOperationException("these sockets send adverts one by one");
    }

    /** Joins or leaves the VRRP group; called only when that changes. */
    void setJoined(boolean join) throws NativeException;

    @Override
    void close();
}
