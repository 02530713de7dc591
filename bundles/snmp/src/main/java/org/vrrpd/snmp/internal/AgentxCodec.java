package org.vrrpd.snmp.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The AgentX wire format (RFC 2741 §5, §6): a 20-byte header, then the payload. Ours always goes in
 * network byte order (NETWORK_BYTE_ORDER set); a PDU from the master is read in the order its flag
 * says. Pure: no I/O.
 */
final class AgentxCodec {
    static final int HEADER_LENGTH = 20;
    /** Larger than anything snmpd sends a subagent; a bigger length means a broken stream. */
    static final int MAX_PAYLOAD = 1 << 20;
    private static final int VERSION = 1;
    private static final int[] INTERNET = {1, 3, 6, 1};

    private AgentxCodec() {
    }

    // ---- decoding ----

    /** The payload length the 20-byte header announces. @throws IllegalArgumentException if it is not AgentX version 1, or too long */
    static int payloadLength(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header, 0, HEADER_LENGTH).order(order(header[2]));
        if (header[0] != VERSION) {
            throw new IllegalArgumentException("not AgentX version 1 (version " + (header[0] & 0xff) + ")");
        }
        int length = b.getInt(16);
        if (length < 0 || length > MAX_PAYLOAD || length % 4 != 0) {
            throw new IllegalArgumentException("bad payload length " + Integer.toUnsignedString(length));
        }
        return length;
    }

    /** Decodes one whole PDU (header and payload). @throws IllegalArgumentException naming where it broke */
    static Pdu decode(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(order(frame.length > 2 ? frame[2] : 0));
        try {
            int version = b.get() & 0xff;
            int type = b.get() & 0xff;
            int flags = b.get() & 0xff;
            b.get();
            int sessionId = b.getInt();
            int transactionId = b.getInt();
            int packetId = b.getInt();
            int length = b.getInt();
            if (version != VERSION || length != frame.length - HEADER_LENGTH) {
                throw new IllegalArgumentException("bad header (version " + version + ", payload length " + length + " of " + (frame.length - HEADER_LENGTH) + ")");
            }
            if ((flags & Pdu.FLAG_NON_DEFAULT_CONTEXT) != 0 && type != Pdu.RESPONSE && type != Pdu.CLOSE) {
                octets(b); // the context: we serve the default one only, and snmpd asks for no other
            }
            List<Pdu.SearchRange> ranges = List.of();
            List<VarBind> varBinds = List.of();
            int nonRepeaters = 0;
            int maxRepetitions = 0;
            long sysUpTime = 0;
            int error = 0;
            int index = 0;
            int reason = 0;
            switch (type) {
                case Pdu.GET, Pdu.GET_NEXT -> ranges = ranges(b);
                case Pdu.GET_BULK -> {
                    nonRepeaters = b.getShort() & 0xffff;
                    maxRepetitions = b.getShort() & 0xffff;
                    ranges = ranges(b);
                }
                case Pdu.RESPONSE -> {
                    sysUpTime = b.getInt() & 0xffffffffL;
                    error = b.getShort() & 0xffff;
                    index = b.getShort() & 0xffff;
                    varBinds = varBinds(b);
                }
                case Pdu.CLOSE -> reason = b.get() & 0xff;
                case Pdu.TEST_SET -> varBinds = varBinds(b);
                default -> { } // CommitSet, UndoSet, CleanupSet, ...: nothing we read
            }
            return new Pdu(type, flags, sessionId, transactionId, packetId, ranges, nonRepeaters, maxRepetitions, sysUpTime, error, index,
                    varBinds, reason);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated at byte " + b.position() + " of " + frame.length, e);
        }
    }

    private static ByteOrder order(int flags) {
        return (flags & Pdu.FLAG_NETWORK_BYTE_ORDER) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static List<Pdu.SearchRange> ranges(ByteBuffer b) {
        List<Pdu.SearchRange> ranges = new ArrayList<>();
        while (b.hasRemaining()) {
            int at = b.position();
            Oid start = oid(b);
            boolean include = b.get(at + 2) != 0; // read (and checked there) as part of the start OID
            ranges.add(new Pdu.SearchRange(start, include, oid(b)));
        }
        return ranges;
    }

    private static List<VarBind> varBinds(ByteBuffer b) {
        List<VarBind> list = new ArrayList<>();
        while (b.hasRemaining()) {
            int type = b.getShort() & 0xffff;
            b.getShort();
            Oid name = oid(b);
            Object value = switch (type) {
                case VarBind.INTEGER -> (long) b.getInt();
                case VarBind.COUNTER32, VarBind.GAUGE32, VarBind.TIME_TICKS -> b.getInt() & 0xffffffffL;
                case VarBind.COUNTER64 -> b.getLong();
                case VarBind.OCTET_STRING, VarBind.IP_ADDRESS, VarBind.OPAQUE -> octets(b);
                case VarBind.OBJECT_IDENTIFIER -> oid(b);
                case VarBind.NULL, VarBind.NO_SUCH_OBJECT, VarBind.NO_SUCH_INSTANCE, VarBind.END_OF_MIB_VIEW -> null;
                default -> throw new IllegalArgumentException("unknown varbind type " + type + " at byte " + b.position());
            };
            list.add(new VarBind(name, type, value));
        }
        return list;
    }

    private static Oid oid(ByteBuffer b) {
        int n = b.get() & 0xff;
        int prefix = b.get() & 0xff;
        b.get(); // include: read by the caller of a SearchRange
        b.get();
        if (n > 128) {
            throw new IllegalArgumentException("OID of " + n + " sub-identifiers (at most 128)");
        }
        int head = prefix == 0 ? 0 : 5;
        int[] subids = Arrays.copyOf(INTERNET, head + n);
        if (prefix != 0) {
            subids[4] = prefix;
        }
        for (int i = 0; i < n; i++) {
            subids[head + i] = b.getInt();
        }
        return Oid.of(subids);
    }

    private static byte[] octets(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException("octet string of " + Integer.toUnsignedString(length) + " bytes, " + b.remaining() + " left");
        }
        byte[] data = new byte[length];
        b.get(data);
        b.position(b.position() + (4 - length % 4) % 4);
        return data;
    }

    // ---- encoding (subagent to master) ----

    /** agentx-Open-PDU: {@code timeout} seconds the master waits for our answers (0: its default). */
    static byte[] open(int packetId, int timeout, Oid id, String description) {
        Writer w = new Writer(Pdu.OPEN, 0, 0, packetId);
        w.b.put((byte) timeout).put((byte) 0).putShort((short) 0);
        w.oid(id, false);
        w.octets(description.getBytes(StandardCharsets.UTF_8));
        return w.finish();
    }

    static byte[] close(int sessionId, int packetId, int reason) {
        Writer w = new Writer(Pdu.CLOSE, sessionId, 0, packetId);
        w.b.put((byte) reason).put((byte) 0).putShort((short) 0);
        return w.finish();
    }

    /** agentx-Register-PDU for the whole {@code subtree} (no range), default timeout, priority 127 (RFC 2741's default). */
    static byte[] register(int sessionId, int packetId, Oid subtree) {
        Writer w = new Writer(Pdu.REGISTER, sessionId, 0, packetId);
        w.b.put((byte) 0).put((byte) 127).put((byte) 0).put((byte) 0);
        w.oid(subtree, false);
        return w.finish();
    }

    static byte[] response(int sessionId, int transactionId, int packetId, int error, int index, List<VarBind> varBinds) {
        Writer w = new Writer(Pdu.RESPONSE, sessionId, transactionId, packetId);
        w.b.putInt(0).putShort((short) error).putShort((short) index); // res.sysUpTime: 0 from a subagent
        for (VarBind v : varBinds) {
            w.varBind(v);
        }
        return w.finish();
    }

    /** agentx-Notify-PDU: {@code varBinds} start with sysUpTime.0 (optional) and snmpTrapOID.0. */
    static byte[] notify(int sessionId, int packetId, List<VarBind> varBinds) {
        Writer w = new Writer(Pdu.NOTIFY, sessionId, 0, packetId);
        for (VarBind v : varBinds) {
            w.varBind(v);
        }
        return w.finish();
    }

    /** Builds one PDU in a buffer that grows as needed. */
    private static final class Writer {
        ByteBuffer b = ByteBuffer.allocate(256);

        Writer(int type, int sessionId, int transactionId, int packetId) {
            b.put((byte) VERSION).put((byte) type).put((byte) Pdu.FLAG_NETWORK_BYTE_ORDER).put((byte) 0);
            b.putInt(sessionId).putInt(transactionId).putInt(packetId).putInt(0);
        }

        private void room(int bytes) {
            if (b.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + bytes));
                b.flip();
                b = bigger.put(b);
            }
        }

        void oid(Oid oid, boolean include) {
            boolean prefixed = oid.length() > 5 && oid.get(0) == 1 && oid.get(1) == 3 && oid.get(2) == 6 && oid.get(3) == 1
                    && oid.get(4) > 0 && oid.get(4) <= 255;
            int head = prefixed ? 5 : 0;
            room(4 + 4 * (oid.length() - head));
            b.put((byte) (oid.length() - head)).put((byte) (prefixed ? oid.get(4) : 0)).put((byte) (include ? 1 : 0)).put((byte) 0);
            for (int i = head; i < oid.length(); i++) {
                b.putInt(oid.get(i));
            }
        }

        void octets(byte[] data) {
            room(4 + data.length + 3);
            b.putInt(data.length).put(data);
            b.put(new byte[(4 - data.length % 4) % 4]);
        }

        void varBind(VarBind v) {
            room(4);
            b.putShort((short) v.type()).putShort((short) 0);
            oid(v.name(), false);
            room(8);
            switch (v.type()) {
                case VarBind.INTEGER, VarBind.COUNTER32, VarBind.GAUGE32, VarBind.TIME_TICKS -> b.putInt((int) (long) (Long) v.value());
                case VarBind.COUNTER64 -> b.putLong((Long) v.value());
                case VarBind.OCTET_STRING, VarBind.IP_ADDRESS, VarBind.OPAQUE -> octets((byte[]) v.value());
                case VarBind.OBJECT_IDENTIFIER -> oid((Oid) v.value(), false);
                default -> { } // Null and the exceptions carry no data
            }
        }

        byte[] finish() {
            b.putInt(16, b.position() - HEADER_LENGTH);
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
