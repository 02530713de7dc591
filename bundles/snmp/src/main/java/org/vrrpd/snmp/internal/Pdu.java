package org.vrrpd.snmp.internal;

import java.util.List;

/**
 * A decoded AgentX PDU (RFC 2741 §6). Only the fields of its type are set: {@code ranges} for
 * Get, GetNext and GetBulk (with {@code nonRepeaters} and {@code maxRepetitions}), {@code
 * sysUpTime}, {@code error}, {@code index} and {@code varBinds} for a Response, {@code reason} for
 * a Close.
 */
record Pdu(int type, int flags, int sessionId, int transactionId, int packetId, List<SearchRange> ranges, int nonRepeaters,
           int maxRepetitions, long sysUpTime, int error, int index, List<VarBind> varBinds, int reason) {
    static final int OPEN = 1;
    static final int CLOSE = 2;
    static final int REGISTER = 3;
    static final int GET = 5;
    static final int GET_NEXT = 6;
    static final int GET_BULK = 7;
    static final int TEST_SET = 8;
    static final int COMMIT_SET = 9;
    static final int UNDO_SET = 10;
    static final int NOTIFY = 12;
    static final int RESPONSE = 18;

    static final int FLAG_NON_DEFAULT_CONTEXT = 0x08;
    static final int FLAG_NETWORK_BYTE_ORDER = 0x10;

    /** res.error values (RFC 2741 §6.2.16) and the SNMP errors a subagent answers with. */
    static final int NO_ERROR = 0;
    static final int GEN_ERR = 5;
    static final int NOT_WRITABLE = 17;

    /** Close reasons (RFC 2741 §6.2.2). */
    static final int REASON_SHUTDOWN = 5;

    /** One SearchRange (RFC 2741 §5.2): from {@code start} (itself too if {@code include}) up to, not including, {@code end} (null OID: no end). */
    record SearchRange(Oid start, boolean include, Oid end) {
    }

    Pdu {
        ranges = List.copyOf(ranges);
        varBinds = List.copyOf(varBinds);
    }
}
