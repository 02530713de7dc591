package org.vrrpd.snmp.internal;

/**
 * One variable binding of an AgentX PDU (RFC 2741 §5.4). {@code value}: a Long for the integer
 * types, a byte[] for OCTET STRING and IpAddress, an Oid for OBJECT IDENTIFIER, null for the
 * types without data (Null and the three exceptions).
 */
record VarBind(Oid name, int type, Object value) {
    static final int INTEGER = 2;
    static final int OCTET_STRING = 4;
    static final int NULL = 5;
    static final int OBJECT_IDENTIFIER = 6;
    static final int IP_ADDRESS = 64;
    static final int COUNTER32 = 65;
    static final int GAUGE32 = 66;
    static final int TIME_TICKS = 67;
    static final int OPAQUE = 68;
    static final int COUNTER64 = 70;
    static final int NO_SUCH_OBJECT = 128;
    static final int NO_SUCH_INSTANCE = 129;
    static final int END_OF_MIB_VIEW = 130;

    static VarBind integer(Oid name, long value) {
        return new VarBind(name, INTEGER, value);
    }

    static VarBind counter(Oid name, long value) {
        return new VarBind(name, COUNTER32, value & 0xffffffffL); // Counter32 wraps (RFC 2578 §7.1.6)
    }

    static VarBind octets(Oid name, byte[] value) {
        return new VarBind(name, OCTET_STRING, value);
    }

    static VarBind ipAddress(Oid name, byte[] value) {
        return new VarBind(name, IP_ADDRESS, value);
    }

    static VarBind timeTicks(Oid name, long centis) {
        return new VarBind(name, TIME_TICKS, centis & 0xffffffffL);
    }

    static VarBind oid(Oid name, Oid value) {
        return new VarBind(name, OBJECT_IDENTIFIER, value);
    }

    /** A binding with no data: Null, noSuchObject, noSuchInstance or endOfMibView. */
    static VarBind exception(Oid name, int type) {
        return new VarBind(name, type, null);
    }

    /** The same value under another name (a table cell found for a GetNext). */
    VarBind named(Oid other) {
        return new VarBind(other, type, value);
    }
}
