package org.vrrpd.auth.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.Test;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.AuthVerdict;

public class AhAuthenticatorTest {
    /** keepalived 2.2.7's AH advert (VRID 51, priority 150, VIP 192.0.2.100, auth_pass kaspike1, sequence 1): IP + AH + VRRP. */
    private static final String KEEPALIVED_AH = "45c0004000010000ff3318b6c0000201e0000012"
            + "70040000c0000201" + "00000001" + "66c44714d16bcab1c07b9cdd"
            + "2133960102018465c0000264" + "0000000000000000";
    private static final int IP_HEADER = 20;
    private static final byte[] KEY = "kaspike1".getBytes(StandardCharsets.US_ASCII);

    private static ByteBuffer keepalivedAdvert() {
        return ByteBuffer.wrap(HexFormat.of().parseHex(KEEPALIVED_AH));
    }

    private static String hex(ByteBuffer b) {
        return HexFormat.of().formatHex(b.array());
    }

    private static AuthSession session(byte[] key, int firstSequence) {
        return new AhAuthenticator(() -> firstSequence).newSession(key);
    }

    /** An advert from {@code source} with the given sequence, sealed by a sender starting there. */
    private static ByteBuffer advertFrom(int source, int sequence) {
        ByteBuffer advert = keepalivedAdvert();
        advert.putInt(12, source);
        session(KEY, sequence).seal(advert, IP_HEADER);
        return advert;
    }

    @Test
    public void acceptsKeepalivedsAdvertAndLeavesItAsItWas() {
        ByteBuffer advert = keepalivedAdvert();
        assertEquals(AuthVerdict.ACCEPTED, session(KEY, 1).verify(advert, IP_HEADER));
        assertEquals(KEEPALIVED_AH, hex(advert));
    }

    @Test
    public void sealsExactlyAsKeepalivedDoes() {
        ByteBuffer advert = keepalivedAdvert();
        advert.put(IP_HEADER, new byte[24]); // an empty AH header, as the engine leaves it
        AuthSession session = session(KEY, 1);
        session.writeAuthData(advert, IP_HEADER);
        session.seal(advert, IP_HEADER);
        assertEquals("SPI = source address, sequence 1, the same ICV", KEEPALIVED_AH, hex(advert));
        assertEquals(51, session.ipProtocol());
        assertEquals(24, session.headerLength());
        assertEquals(2, session.authTypeCode());
    }

    @Test
    public void aWrongKeyOrAnAlteredByteFails() {
        assertEquals(AuthVerdict.FAILED, session("kaspike2".getBytes(StandardCharsets.US_ASCII), 1).verify(keepalivedAdvert(), IP_HEADER));
        ByteBuffer advert = keepalivedAdvert();
        advert.put(IP_HEADER + 24 + 2, (byte) 255); // priority raised in flight
        assertEquals(AuthVerdict.FAILED, session(KEY, 1).verify(advert, IP_HEADER));
    }

    @Test
    public void mutableIpFieldsMayChangeInFlight() {
        ByteBuffer advert = keepalivedAdvert();
        advert.put(1, (byte) 0).putShort(10, (short) 0x1234); // TOS re-marked, checksum recomputed
        assertEquals(AuthVerdict.ACCEPTED, session(KEY, 1).verify(advert, IP_HEADER));
    }

    @Test
    public void aPlainVrrpAdvertIsATypeMismatch() {
        ByteBuffer pass = ByteBuffer.wrap(HexFormat.of().parseHex(
                "45c0002800010000ff701891c0000201e0000012" + "213396010101d7f6c0000264" + "6b617370696b6531"));
        assertEquals(AuthVerdict.TYPE_MISMATCH, session(KEY, 1).verify(pass, IP_HEADER));
    }

    @Test
    public void aReplayedAdvertIsRejectedAndANewerOneAccepted() {
        AuthSession receiver = session(KEY, 1);
        assertEquals(AuthVerdict.ACCEPTED, receiver.verify(advertFrom(0xc0000201, 10), IP_HEADER));
        assertEquals(AuthVerdict.REPLAYED, receiver.verify(advertFrom(0xc0000201, 10), IP_HEADER));
        assertEquals(AuthVerdict.REPLAYED, receiver.verify(advertFrom(0xc0000201, 9), IP_HEADER));
        assertEquals("each sender has its own window", AuthVerdict.ACCEPTED, receiver.verify(advertFrom(0xc0000202, 3), IP_HEADER));
        assertEquals(AuthVerdict.ACCEPTED, receiver.verify(advertFrom(0xc0000201, 11), IP_HEADER));
    }

    @Test
    public void aBackupTakingOverContinuesAboveWhatItSaw() {
        AuthSession backup = session(KEY, 5);
        for (int seq = 100; seq <= 104; seq++) {
            assertEquals(AuthVerdict.ACCEPTED, backup.verify(advertFrom(0xc0000201, seq), IP_HEADER));
        }
        ByteBuffer first = keepalivedAdvert();
        first.putInt(12, 0xc0000202);
        backup.seal(first, IP_HEADER);
        assertEquals("keepalived does the same: seq 1..5 seen, its first is 6", 105, first.getInt(IP_HEADER + 8));
        // The old master comes back (a new session) and accepts the new master's adverts.
        AuthSession returning = session(KEY, 1);
        assertEquals(AuthVerdict.ACCEPTED, returning.verify(first, IP_HEADER));
    }

    @Test
    public void aRestartedSenderStartsFromTheClockSoPeersStillAcceptIt() {
        AuthSession peer = session(KEY, 1);
        assertEquals(AuthVerdict.ACCEPTED, peer.verify(advertFrom(0xc0000201, 1_795_000_000), IP_HEADER));
        // Restarted an hour later: its first sequence is the time in seconds, ahead of anything it sent.
        assertEquals(AuthVerdict.ACCEPTED, peer.verify(advertFrom(0xc0000201, 1_795_003_600), IP_HEADER));
    }

    @Test
    public void aSessionTakingOverContinuesAboveTheOldOneEvenAheadOfTheClock() {
        AuthSession old = session(KEY, 1_000);
        ByteBuffer advert = keepalivedAdvert();
        old.seal(advert, IP_HEADER);
        old.verify(advertFrom(0xc0000202, 5_000), IP_HEADER); // a peer ahead of our clock
        assertEquals(5_000, old.continuation());
        AuthSession next = new AhAuthenticator(() -> 2_000).newSession(KEY, old.continuation());
        ByteBuffer first = keepalivedAdvert();
        next.seal(first, IP_HEADER);
        assertEquals(5_001, first.getInt(IP_HEADER + 8));
        AuthSession later = new AhAuthenticator(() -> 9_000).newSession(KEY, old.continuation());
        later.seal(first, IP_HEADER);
        assertEquals("the clock wins when it is ahead", 9_000, first.getInt(IP_HEADER + 8));
        assertEquals("PASS keeps nothing", 0, new PasswordAuthenticator().newSession(KEY).continuation());
    }

    @Test
    public void theSequenceWrapsWithoutZeroAndIsStillNewer() {
        AuthSession sender = session(KEY, -1); // 0xffffffff
        AuthSession receiver = session(KEY, 1);
        ByteBuffer last = keepalivedAdvert();
        sender.seal(last, IP_HEADER);
        assertEquals(0xffffffff, last.getInt(IP_HEADER + 8));
        assertEquals(AuthVerdict.ACCEPTED, receiver.verify(last, IP_HEADER));
        ByteBuffer wrapped = keepalivedAdvert();
        sender.seal(wrapped, IP_HEADER);
        assertEquals(1, wrapped.getInt(IP_HEADER + 8));
        assertEquals(AuthVerdict.ACCEPTED, receiver.verify(wrapped, IP_HEADER));
    }

    @Test
    public void hmacMd5MatchesRfc2202() {
        byte[] out = new byte[16];
        new HmacMd5(HexFormat.of().parseHex("0b".repeat(16))).mac(ByteBuffer.wrap("Hi There".getBytes(StandardCharsets.US_ASCII)), 0, 8, out);
        assertEquals("9294727a3638bb1c13f48ef8158bfc9d", HexFormat.of().formatHex(out));
        new HmacMd5("Jefe".getBytes(StandardCharsets.US_ASCII)).mac(
                ByteBuffer.wrap("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)), 0, 28, out);
        assertEquals("750c783e6ab0b503eaa86e310a5db738", HexFormat.of().formatHex(out));
        ByteBuffer direct = ByteBuffer.allocateDirect(64);
        direct.put(10, "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII));
        new HmacMd5(HexFormat.of().parseHex("aa".repeat(80))).mac(direct, 10, 64, out);
        assertEquals("6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd", HexFormat.of().formatHex(out));
        assertEquals("position and limit are kept", 0, direct.position());
    }

    @Test
    public void sessionNeverPrintsTheKey() {
        assertEquals("AH session, last sequence sent 0", session(KEY, 1).toString());
    }
}
