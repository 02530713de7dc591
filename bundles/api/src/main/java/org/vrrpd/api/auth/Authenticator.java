package org.vrrpd.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A VRRP authentication method. One service per method, selected by the {@link #TYPE} service
 * property: {@code none}, {@code pass} or {@code ah}.
 */
@ConsumerType
public interface Authenticator {
    /** Service property naming the method. */
    String TYPE = "vrrp.auth.type";

    /** A new session keyed with {@code secret} (ignored by {@code none}); fails on an unusable key. */
    AuthSession newSession(byte[] secret);

    /** A session that takes over from one whose {@link AuthSession#continuation()} was {@code continuation}. */
    default AuthSession newSession(byte[] secret, long continuation) {
        return newSession(secret);
    }
}
