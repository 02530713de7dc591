package org.vrrpd.vrrp.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vrrpd.api.auth.Authenticator;

/**
 * The Authenticator services by type ({@code vrrp.auth.type}) and the sessions the instances hold.
 * An authenticator that goes away leaves the instances their sessions until its next incarnation
 * replaces them, continuing their sequence (an update of the auth bundle leaves no gap); an
 * instance whose type was never there is held in FAULT.
 */
final class AuthBinding {
    private final Map<String, Authenticator> byType = new ConcurrentHashMap<>();

    /** Any thread; the caller rebinds the instances of that type on the loop. */
    void add(String type, Authenticator authenticator) {
        byType.put(type, authenticator);
    }

    void remove(String type, Authenticator authenticator) {
        byType.remove(type, authenticator);
    }

    /** Gives the instance a new session of its type, continuing {@code continuation}; loop thread. */
    void bind(VrrpInstance instance, long continuation) {
        InstanceSettings s = instance.settings();
        FaultCause missing = FaultCause.noAuthenticator(s.authType());
        Authenticator authenticator = byType.get(s.authType());
        if (authenticator == null) {
            if (instance.auth() == null) {
                instance.fault(missing, true);
            }
            return;
        }
        instance.setAuth(authenticator.newSession(s.authPassword(), continuation));
        instance.fault(missing, false);
    }

    /** A new session continuing the one the instance has (its authenticator or its key changed). */
    void rebind(VrrpInstance instance) {
        bind(instance, continuation(instance));
    }

    static long continuation(VrrpInstance instance) {
        return instance.auth() == null ? 0 : instance.auth().continuation();
    }
}
