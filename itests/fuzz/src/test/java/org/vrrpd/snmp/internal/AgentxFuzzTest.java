package org.vrrpd.snmp.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Any bytes on the AgentX socket are decoded as a PDU or refused by name, so the session reconnects instead of dying. */
class AgentxFuzzTest {
    @FuzzTest
    void everyPduIsDecodedOrRefused(byte[] input) {
        if (input.length >= AgentxCodec.HEADER_LENGTH) {
            try {
                AgentxCodec.payloadLength(Arrays.copyOf(input, AgentxCodec.HEADER_LENGTH));
            } catch (IllegalArgumentException refused) {
                // the session drops the connection and connects again
            }
        }
        try {
            Pdu pdu = AgentxCodec.decode(input);
            if (pdu.type() == Pdu.GET || pdu.type() == Pdu.GET_NEXT || pdu.type() == Pdu.GET_BULK) {
                new MibView(Map.of(), List.of()).answer(pdu);
            }
        } catch (IllegalArgumentException refused) {
            // likewise
        }
    }
}
