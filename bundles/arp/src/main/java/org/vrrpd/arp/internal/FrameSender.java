package org.vrrpd.arp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.PacketSocket;

/**
 * What the two senders share: one send-only AF_PACKET socket for all interfaces, opened while the
 * component is active, and one frame buffer reused under the component's lock — whole frames, so
 * the source MAC is ours to choose (a virtual MAC too) and no neighbour table is involved. (bnd reads
 * the lifecycle annotations here: {@code -dsannotations-options: inherit}.)
 */
abstract class FrameSender {
    private final int etherType;
    private PacketSocket socket;
    /** Written by the subclass, then sent; only under this object's lock. */
    final ByteBuffer frame;

    FrameSender(int etherType, int frameLength) {
        this.etherType = etherType;
        this.frame = ByteBuffer.allocateDirect(frameLength);
    }

    @Activate
    void activate() throws NativeException {
        socket = PacketSocket.sender(etherType);
    }

    @Deactivate
    synchronized void deactivate() {
        socket.close();
    }

    /** Sends {@link #frame} as written; the caller holds this object's lock. */
    void send(int interfaceIndex) throws IOException {
        socket.send(frame, interfaceIndex);
    }
}
