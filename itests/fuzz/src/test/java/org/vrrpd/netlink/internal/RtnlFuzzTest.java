package org.vrrpd.netlink.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Any datagram from the rtnetlink socket decodes into link and address messages or is refused as malformed, by name. */
class RtnlFuzzTest {
    @FuzzTest
    void everyDatagramDecodesOrIsRefusedAsMalformed(byte[] input) {
        try {
            RtnlCodec.decodeAll(ByteBuffer.wrap(input), message -> { });
        } catch (RtnlCodec.MalformedMessage refused) {
            // the reflector logs it and re-dumps
        }
    }
}
