package org.vrrpd.auth.internal;

import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.Authenticator;

/**
 * Auth type 1, simple text password (RFC 2338 §5.3.6.2): up to 8 bytes, zero padded, in the auth
 * data field, written before the VRRP checksum is computed so that it covers the password
 * (keepalived 0.5.5 checksummed first).
 */
@Component(property = Authenticator.TYPE + "=pass")
public class PasswordAuthenticator implements Authenticator {
    static final int TYPE_CODE = 1;

    @Override
    public AuthSession newSession(byte[] secret) {
        if (secret.length > Advert.AUTH_DATA_LENGTH) {
            throw new IllegalArgumentException("a VRRP password has at most 8 bytes, not " + secret.length);
        }
        byte[] padded = new byte[Advert.AUTH_DATA_LENGTH];
        System.arraycopy(secret, 0, padded, 0, secret.length);
        return new Session(ByteBuffer.wrap(padded).getLong());
    }

    /** The password as one big-endian long: writing and checking it are a single put and compare. */
    private static final class Session extends InVrrpSession {
        private final long password;

        Session(long password) {
            super(TYPE_CODE);
            this.password = password;
        }

        @Override
        public void writeAuthData(ByteBuffer datagram, int ipHeaderLength) {
            datagram.putLong(Advert.authData(datagram, ipHeaderLength), password);
        }

        @Override
        boolean authDataMatches(ByteBuffer datagram, int ipHeaderLength) {
            return datagram.getLong(Advert.authData(datagram, ipHeaderLength)) == password;
        }

        @Override
        public String toString() {
            return "PASS session"; // never the password
        }
    }
}
