package org.vrrpd.auth.internal;

import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.Authenticator;

/**
 * Auth type 0: the auth data is sent as zeros and ignored on receipt (RFC 2338 §5.3.6.1). An
 * advert carrying another auth type is a type mismatch, as in RFC 3768 §7.1.
 */
@Component(property = Authenticator.TYPE + "=none")
public class NoAuthenticator implements Authenticator {
    static final int TYPE_CODE = 0;

    private static final AuthSession SESSION = new InVrrpSession(TYPE_CODE) {
        @Override
        public void writeAuthData(ByteBuffer datagram, int ipHeaderLength) {
            // the encoder already zeroed the auth data
        }

        @Override
        boolean authDataMatches(ByteBuffer datagram, int ipHeaderLength) {
            return true; // ignored on receipt
        }
    };

    @Override
    public AuthSession newSession(byte[] secret) {
        return SESSION;
    }
}
