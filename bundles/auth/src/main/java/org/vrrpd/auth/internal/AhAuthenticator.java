package org.vrrpd.auth.internal;

import java.nio.ByteBuffer;
import java.util.function.IntSupplier;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.AuthVerdict;
import org.vrrpd.api.auth.Authenticator;

/**
 * Auth type 2, IPSEC-AH (RFC 2338 §5.3.6.3, RFC 2402) as keepalived 2.x puts it on the wire: IP
 * protocol 51; a 24-byte AH header (next header 112, payload length 4, SPI = the sender's address,
 * sequence number, 96-bit ICV); ICV = HMAC-MD5-96 keyed by the password over the whole datagram
 * with the IP TOS, fragment field and header checksum and the ICV zeroed (the TTL stays, 255, as
 * keepalived computes it for multicast; checked against keepalived's captured advert).
 *
 * <p>Sequence numbers: a receiver keeps the last one of each sender and rejects an advert that is
 * not newer (serial-number order, RFC 1982, so a wrap is not a replay). A sender continues above
 * the highest number it has seen from anyone on the VRID, so a backup taking over is never
 * rejected as stale, and it starts from the current time in seconds, so a restarted router is
 * ahead of what peers remember of it (adverts go out at most once a second).
 */
@Component(property = Authenticator.TYPE + "=ah")
public class AhAuthenticator implements Authenticator {
    static final int PROTOCOL = 51;
    static final int HEADER_LENGTH = 24;
    static final int TYPE_CODE = 2;
    private static final int ICV_OFFSET = 12;
    private static final int ICV_LENGTH = 12;
    private static final int VRRP = 112;
    private static final int PAYLOAD_LENGTH = 4; // (24 bytes / 4) - 2
    private static final int MAX_SENDERS = 16;

    private final IntSupplier firstSequence;

    public AhAuthenticator() {
        this(() -> (int) (System.currentTimeMillis() / 1000));
    }

    AhAuthenticator(IntSupplier firstSequence) {
        this.firstSequence = firstSequence;
    }

    @Override
    public AuthSession newSession(byte[] secret) {
        return newSession(secret, 0);
    }

    /** Starts above {@code continuation} (the previous session's last sequence) if the clock is not already past it. */
    @Override
    public AuthSession newSession(byte[] secret, long continuation) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("AH needs a key");
        }
        int clock = firstSequence.getAsInt();
        int next = (int) continuation + 1;
        return new Session(secret, continuation != 0 && after(next, clock) ? next : clock);
    }

    /** Whether {@code a} comes after {@code b} in 32-bit serial-number order. */
    static boolean after(int a, int b) {
        return a - b > 0;
    }

    static final class Session implements AuthSession {
        private final HmacMd5 hmac;
        private final byte[] digest = new byte[HmacMd5.LENGTH];
        private final byte[] receivedIcv = new byte[ICV_LENGTH];
        private int lastSent;
        private boolean seenAny;
        private int highestSeen;
        private final int[] senders = new int[MAX_SENDERS];
        private final int[] senderSequence = new int[MAX_SENDERS];
        private int senderCount;

        Session(byte[] key, int firstSequence) {
            hmac = new HmacMd5(key);
            lastSent = firstSequence - 1;
        }

        @Override
        public int ipProtocol() {
            return PROTOCOL;
        }

        @Override
        public int headerLength() {
            return HEADER_LENGTH;
        }

        @Override
        public int authTypeCode() {
            return TYPE_CODE;
        }

        @Override
        public void writeAuthData(ByteBuffer datagram, int ipHeaderLength) {
            // RFC 2338: with AH the VRRP auth data stays zero
        }

        @Override
        public void seal(ByteBuffer datagram, int ipHeaderLength) {
            int ah = ipHeaderLength;
            datagram.put(ah, (byte) VRRP).put(ah + 1, (byte) PAYLOAD_LENGTH).putShort(ah + 2, (short) 0)
                    .putInt(ah + 4, datagram.getInt(12)).putInt(ah + 8, nextSequence());
            clearIcv(datagram, ah);
            icv(datagram);
            datagram.put(ah + ICV_OFFSET, digest, 0, ICV_LENGTH);
        }

        /** Above both what this router sent and what it has seen on the VRID; 0 is skipped on a wrap. */
        private int nextSequence() {
            int base = seenAny && after(highestSeen, lastSent) ? highestSeen : lastSent;
            lastSent = base + 1 == 0 ? 1 : base + 1;
            return lastSent;
        }

        @Override
        public AuthVerdict verify(ByteBuffer datagram, int ipHeaderLength) {
            int ah = ipHeaderLength;
            if ((datagram.get(9) & 0xff) != PROTOCOL || (datagram.get(ah) & 0xff) != VRRP || datagram.get(ah + 1) != PAYLOAD_LENGTH
                    || Advert.authType(datagram, ah + HEADER_LENGTH) != TYPE_CODE) {
                return AuthVerdict.TYPE_MISMATCH;
            }
            int length = Short.toUnsignedInt(datagram.getShort(2));
            if (length > datagram.limit() || length < ah + HEADER_LENGTH) {
                return AuthVerdict.FAILED; // the ICV covers exactly the IP length, which must be what arrived
            }
            datagram.get(ah + ICV_OFFSET, receivedIcv);
            clearIcv(datagram, ah);
            icv(datagram);
            datagram.put(ah + ICV_OFFSET, receivedIcv);
            int difference = 0;
            for (int i = 0; i < ICV_LENGTH; i++) {
                difference |= digest[i] ^ receivedIcv[i]; // constant time
            }
            if (difference != 0) {
                return AuthVerdict.FAILED;
            }
            // Only an authentic advert's sender and sequence number are trusted.
            return accept(datagram.getInt(12), datagram.getInt(ah + 8)) ? AuthVerdict.ACCEPTED : AuthVerdict.REPLAYED;
        }

        private boolean accept(int sender, int sequence) {
            int i = 0;
            while (i < senderCount && senders[i] != sender) {
                i++;
            }
            if (i < senderCount && !after(sequence, senderSequence[i])) {
                return false;
            }
            if (i == senderCount) {
                if (senderCount == MAX_SENDERS) {
                    System.arraycopy(senders, 1, senders, 0, MAX_SENDERS - 1); // forget the oldest
                    System.arraycopy(senderSequence, 1, senderSequence, 0, MAX_SENDERS - 1);
                    i = MAX_SENDERS - 1;
                } else {
                    senderCount++;
                }
                senders[i] = sender;
            }
            senderSequence[i] = sequence;
            if (!seenAny || after(sequence, highestSeen)) {
                highestSeen = sequence;
                seenAny = true;
            }
            return true;
        }

        private static void clearIcv(ByteBuffer datagram, int ah) {
            datagram.putInt(ah + ICV_OFFSET, 0).putLong(ah + ICV_OFFSET + 4, 0L);
        }

        /** The HMAC of the datagram with its mutable IP fields zeroed, which are then put back. */
        private void icv(ByteBuffer datagram) {
            byte tos = datagram.get(1);
            short fragment = datagram.getShort(6);
            short checksum = datagram.getShort(10);
            datagram.put(1, (byte) 0).putShort(6, (short) 0).putShort(10, (short) 0);
            hmac.mac(datagram, 0, Short.toUnsignedInt(datagram.getShort(2)), digest);
            datagram.put(1, tos).putShort(6, fragment).putShort(10, checksum);
        }

        /** The highest sequence number sent or seen, as unsigned: where the next session must go on from. */
        @Override
        public long continuation() {
            int highest = seenAny && after(highestSeen, lastSent) ? highestSeen : lastSent;
            return Integer.toUnsignedLong(highest);
        }

        @Override
        public String toString() {
            return "AH session, last sequence sent " + Integer.toUnsignedString(lastSent); // never the key
        }
    }
}
