package org.vrrpd.api.auth;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The authentication state of one VRRP instance (its key and, for AH, its sequence numbers). Used
 * only from the engine's event loop, so implementations need no locking; they must not allocate
 * per packet.
 */
@ConsumerType
public interface AuthSession {
    /** The IP protocol adverts travel in: 112 (VRRP) or 51 (AH carrying VRRP). */
    int ipProtocol();

    /** Bytes the authenticator puts between the IP header and the VRRP message (24 for AH, else 0). */
    int headerLength();

    /** The value of the VRRP auth type field (RFC 2338: 0 none, 1 simple text, 2 IP AH). */
    int authTypeCode();

    /**
     * Authenticates an outgoing datagram in place. {@code datagram} holds the whole IP datagram from
     * position 0 to its limit, with the IP header and the VRRP message complete except for the VRRP
     * checksum, which the caller computes afterwards over what this method wrote.
     */
    void seal(ByteBuffer datagram, int ipHeaderLength);

    /** Checks a received IP datagram laid out as for {@link #seal}; must not modify it. */
    AuthVerdict verify(ByteBuffer datagram, int ipHeaderLength);
}
