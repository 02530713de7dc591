package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.AuthVerdict;
import org.vrrpd.api.auth.Authenticator;

/** Authentication type none, for tests of the engine without the auth bundle. */
final class NoAuth implements Authenticator {
    static final AuthSession SESSION = new AuthSession() {
        @Override public int ipProtocol() { return 112; }
        @Override public int headerLength() { return 0; }
        @Override public int authTypeCode() { return 0; }
        @Override public void writeAuthData(ByteBuffer d, int h) { }
        @Override public void seal(ByteBuffer d, int h) { }
        @Override public AuthVerdict verify(ByteBuffer d, int h) { return AuthVerdict.ACCEPTED; }
    };

    @Override
    public AuthSession newSession(byte[] secret) {
        return SESSION;
    }
}
