package org.vrrpd.vrrp.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.auth.internal.AhAuthenticator;
import org.vrrpd.auth.internal.NoAuthenticator;
import org.vrrpd.auth.internal.PasswordAuthenticator;

/**
 * The engine's receive path for any datagram: the offset of the VRRP message, the VRID lookup, then
 * every check of one instance with each authentication. Whatever arrives is accepted or given a
 * named verdict; nothing is read outside the datagram (it is wrapped to its exact length).
 */
class AdvertFuzzTest {
    private static final byte[] KEY = "kaspike1".getBytes(StandardCharsets.US_ASCII);
    private static final InstanceSettings SETTINGS = InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0",
            "vrid", 51, "priority", 100, "virtualAddresses", "192.0.2.100/24"));
    private static final AuthSession[] SESSIONS = {new NoAuthenticator().newSession(new byte[0]),
            new PasswordAuthenticator().newSession(KEY), new AhAuthenticator().newSession(KEY)};

    @FuzzTest
    void everyDatagramIsAcceptedOrDroppedForANamedReason(byte[] input) {
        ByteBuffer datagram = ByteBuffer.wrap(input);
        int at = VrrpPacket.vrrpOffset(datagram, input.length);
        if (at < 0) {
            return;
        }
        VrrpPacket.vrid(datagram, at);
        for (AuthSession session : SESSIONS) {
            Verdict verdict = AdvertChecks.check(datagram, input.length, at, SETTINGS, session);
            assertNotNull(verdict);
            if (verdict.accepted()) {
                VrrpPacket.priority(datagram, at);
                VrrpPacket.ipSource(datagram);
            }
        }
    }
}
