package org.vrrpd.auth.internal;

import java.nio.ByteBuffer;

/** Where the fields an authenticator needs sit in a VRRPv2 advertisement (RFC 3768 §5.1). */
final class Advert {
    static final int AUTH_TYPE = 4;
    static final int COUNT_ADDRESSES = 3;
    static final int AUTH_DATA_LENGTH = 8;

    private Advert() {
    }

    static int authType(ByteBuffer datagram, int at) {
        return datagram.get(at + AUTH_TYPE) & 0xff;
    }

    /** Offset of the 8 bytes of auth data: after the fixed header and the address list. */
    static int authData(ByteBuffer datagram, int at) {
        return at + 8 + 4 * (datagram.get(at + COUNT_ADDRESSES) & 0xff);
    }
}
