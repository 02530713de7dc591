package org.vrrpd.lvs.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Any answer from the generic-netlink controller or the IPVS family is understood or refused as malformed, by name. */
class GenlReplyFuzzTest {
    @FuzzTest
    void everyAnswerIsUnderstoodOrRefusedAsMalformed(byte[] input) {
        try {
            IpvsMessages.familyIdOrError(ByteBuffer.wrap(input));
        } catch (IpvsMessages.MalformedReply refused) {
            // GenlIpvs reports it as "IPVS unavailable" with the reason
        }
        try {
            IpvsMessages.ackError(ByteBuffer.wrap(input));
        } catch (IpvsMessages.MalformedReply refused) {
            // likewise
        }
    }
}
