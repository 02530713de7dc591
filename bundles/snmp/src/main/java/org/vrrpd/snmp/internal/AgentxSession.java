package org.vrrpd.snmp.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subagent's side of one AgentX connection at a time, on a thread of its own ({@code
 * vrrpd-snmp}): connect, Open, Register the VRRP-MIB, then answer the master's requests until it
 * closes or goes away (snmpd restarted), and connect again every reconnect interval. Nothing here
 * runs on, or waits for, the engine's loop except through the MIB source.
 */
final class AgentxSession implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentxSession.class);
    private static final Oid SUBAGENT_ID = Oid.NULL;
    private static final String DESCRIPTION = "vrrpd VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527)";
    /** Seconds snmpd waits for an answer of ours (its default is 1 s; the engine's snapshot may take longer on a busy box). */
    private static final int TIMEOUT_SECONDS = 5;

    private final SnmpSettings settings;
    /** Builds the MIB for snmpd's sysUpTime now (centiseconds). */
    private final LongFunction<MibView> mib;
    private final Object writeLock = new Object();
    private volatile boolean stopped;
    private volatile SocketChannel channel;
    private volatile int sessionId;
    private int packetId;
    private volatile long openUpTime;
    private volatile long openNanos;
    private String lastFailure;

    AgentxSession(SnmpSettings settings, LongFunction<MibView> mib) {
        this.settings = settings;
        this.mib = mib;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                serve();
            } catch (IOException | IllegalArgumentException e) {
                if (!stopped) {
                    failed(e);
                }
            } finally {
                closeQuietly();
            }
            synchronized (this) {
                if (!stopped) {
                    try {
                        wait(settings.reconnectSeconds() * 1000L);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Ends the session with a Close (reasonShutdown) and the thread with it. Any thread. */
    void stop() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
        SocketChannel c = channel;
        if (c != null && sessionId != 0) {
            try {
                write(AgentxCodec.close(sessionId, nextPacketId(), Pdu.REASON_SHUTDOWN));
            } catch (IOException e) {
                // going away anyway
            }
        }
        closeQuietly();
    }

    /** snmpd's sysUpTime now, in centiseconds, from what it said in answer to our Open. */
    long upTimeNow() {
        return openUpTime + (System.nanoTime() - openNanos) / 10_000_000L;
    }

    /** Sends an agentx-Notify-PDU if a session is open; false otherwise. Any thread (a notifier's). */
    boolean notify(List<VarBind> varBinds) {
        if (channel == null || sessionId == 0) {
            return false;
        }
        try {
            write(AgentxCodec.notify(sessionId, nextPacketId(), varBinds));
            return true;
        } catch (IOException e) {
            LOG.warn("SNMP: could not send a notification: {}", e.toString());
            return false;
        }
    }

    private void serve() throws IOException {
        SocketAddress master = settings.master();
        SocketChannel c = master instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        channel = c;
        c.connect(master instanceof InetSocketAddress i && i.isUnresolved() ? new InetSocketAddress(i.getHostString(), i.getPort()) : master);
        write(AgentxCodec.open(nextPacketId(), TIMEOUT_SECONDS, SUBAGENT_ID, DESCRIPTION));
        Pdu opened = expectResponse(c, "Open");
        openUpTime = opened.sysUpTime();
        openNanos = System.nanoTime();
        sessionId = opened.sessionId();
        for (Oid subtree : Mibs.SUBTREES) {
            write(AgentxCodec.register(sessionId, nextPacketId(), subtree));
            expectResponse(c, "Register " + subtree);
        }
        LOG.info("SNMP: connected to {}, session {}, serving the VRRP-MIB and the VRRPv3-MIB ({})", settings.socketText(), sessionId,
                Mibs.SUBTREES);
        lastFailure = null;
        while (!stopped) {
            Pdu request = read(c);
            switch (request.type()) {
                case Pdu.GET, Pdu.GET_NEXT, Pdu.GET_BULK -> answer(request);
                case Pdu.TEST_SET -> respond(request, Pdu.NOT_WRITABLE, 1, request.varBinds());
                case Pdu.COMMIT_SET, Pdu.UNDO_SET -> respond(request, Pdu.NO_ERROR, 0, List.of());
                case Pdu.CLOSE -> throw new EOFException("the master agent closed the session (reason " + request.reason() + ")");
                default -> { } // a Response to a Notify, CleanupSet: nothing to answer
            }
        }
    }

    private void answer(Pdu request) throws IOException {
        List<VarBind> answer;
        try {
            answer = mib.apply(upTimeNow()).answer(request);
        } catch (RuntimeException e) {
            LOG.warn("SNMP: could not read the instances: {}", e.toString());
            respond(request, Pdu.GEN_ERR, 1, List.of());
            return;
        }
        respond(request, Pdu.NO_ERROR, 0, answer);
    }

    private void respond(Pdu request, int error, int index, List<VarBind> varBinds) throws IOException {
        write(AgentxCodec.response(request.sessionId(), request.transactionId(), request.packetId(), error, index, varBinds));
    }

    private Pdu expectResponse(SocketChannel c, String what) throws IOException {
        Pdu r = read(c);
        if (r.type() != Pdu.RESPONSE) {
            throw new IOException(what + ": the master agent answered with PDU type " + r.type());
        }
        if (r.error() != Pdu.NO_ERROR) {
            throw new IOException(what + " refused by the master agent: " + errorName(r.error()));
        }
        return r;
    }

    static String errorName(int error) {
        return switch (error) {
            case 256 -> "openFailed";
            case 257 -> "notOpen";
            case 261 -> "unsupportedContext";
            case 263 -> "duplicateRegistration (another subagent serves it, e.g. keepalived)";
            case 264 -> "unknownRegistration";
            case 266 -> "parseError";
            case 267 -> "requestDenied";
            case 268 -> "processingError";
            default -> "error " + error;
        };
    }

    /** Reads one whole PDU (both sides of a connection: the tests play the master with it). */
    static Pdu read(SocketChannel c) throws IOException {
        byte[] header = new byte[AgentxCodec.HEADER_LENGTH];
        readFully(c, ByteBuffer.wrap(header));
        int length = AgentxCodec.payloadLength(header);
        byte[] frame = new byte[AgentxCodec.HEADER_LENGTH + length];
        System.arraycopy(header, 0, frame, 0, header.length);
        readFully(c, ByteBuffer.wrap(frame, header.length, length));
        return AgentxCodec.decode(frame);
    }

    private static void readFully(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                throw new EOFException("the master agent went away");
            }
        }
    }

    private void write(byte[] pdu) throws IOException {
        SocketChannel c = channel;
        if (c == null) {
            throw new IOException("not connected");
        }
        synchronized (writeLock) {
            ByteBuffer b = ByteBuffer.wrap(pdu);
            while (b.hasRemaining()) {
                c.write(b);
            }
        }
    }

    private synchronized int nextPacketId() {
        return ++packetId;
    }

    /** Logs each new kind of failure once, not every reconnect attempt. */
    private void failed(Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!text.equals(lastFailure)) {
            LOG.warn("SNMP: not connected to {}: {}; retrying every {} s", settings.socketText(), text, settings.reconnectSeconds());
            lastFailure = text;
        }
    }

    private void closeQuietly() {
        SocketChannel c = channel;
        channel = null;
        sessionId = 0;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
