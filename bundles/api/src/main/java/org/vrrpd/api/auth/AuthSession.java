package org.vrrpd.api.auth;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The authentication state of one VRRP instance (its key and, for AH, its sequence numbers). Used
 * only from the engine's event loop, so implementations need no locking; they must not allocate
 * per packet.
 *
 * <p>Datagrams are whole IPv4 datagrams from position 0, with the IP header of
 * {@code ipHeaderLength} bytes, then {@link #headerLength()} bytes of authentication header, then
 * the VRRP message.
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
     * Writes the VRRP message's 8 bytes of auth data, which do not change from one advert to the
     * next. Called when an advert is first built, before its VRRP checksum is computed.
     */
    void writeAuthData(ByteBuffer datagram, int ipHeaderLength);

    /**
     * Authenticates one outgoing datagram in place just before it is sent: the IP header and the
     * VRRP message, checksum included, are complete. AH writes its header and ICV here.
     */
    void seal(ByteBuffer datagram, int ipHeaderLength);

    /**
     * Checks a received datagram that passed the VRRP checks (length, checksum). It may change
     * bytes while it works but leaves the datagram as it found it.
     */
    AuthVerdict verify(ByteBuffer datagram, int ipHeaderLength);

    /**
     * What a later session of the same method must continue from so that peers keep accepting
     * this router, e.g. when the auth or engine bundle is updated (AH: the highest sequence number
     * sent or seen); 0 when the method keeps no such state.
     */
    default long continuation() {
        return 0;
    }
}
