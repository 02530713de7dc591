package org.vrrpd.auth.internal;

import java.nio.ByteBuffer;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.AuthVerdict;

/**
 * A session whose authentication lives in the VRRP message itself (auth types 0 and 1): plain
 * protocol 112, no extra header, nothing to seal per packet; an advert of another auth type is a
 * type mismatch.
 */
abstract class InVrrpSession implements AuthSession {
    private final int typeCode;

    InVrrpSession(int typeCode) {
        this.typeCode = typeCode;
    }

    @Override
    public int ipProtocol() {
        return 112;
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public int authTypeCode() {
        return typeCode;
    }

    @Override
    public void seal(ByteBuffer datagram, int ipHeaderLength) {
        // everything is in the advert, written once
    }

    @Override
    public AuthVerdict verify(ByteBuffer datagram, int ipHeaderLength) {
        if (Advert.authType(datagram, ipHeaderLength) != typeCode) {
            return AuthVerdict.TYPE_MISMATCH;
        }
        return authDataMatches(datagram, ipHeaderLength) ? AuthVerdict.ACCEPTED : AuthVerdict.FAILED;
    }

    /** Whether the advert's auth data is what this session expects. */
    abstract boolean authDataMatches(ByteBuffer datagram, int ipHeaderLength);
}
