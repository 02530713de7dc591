package org.vrrpd.auth.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.Test;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.AuthVerdict;

public class AuthenticatorTest {
    /** keepalived 2.2.7's advert for VRID 51, priority 150, VIP 192.0.2.100, auth_pass kaspike1 (IP header + VRRP). */
    private static final String KEEPALIVED_PASS = "45c0002800010000ff701891c0000201e0000012"
            + "2133960101" + "01d7f6c0000264" + "6b617370696b6531";
    private static final int IP_HEADER = 20;

    private static ByteBuffer keepalivedAdvert() {
        return ByteBuffer.wrap(HexFormat.of().parseHex(KEEPALIVED_PASS));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    public void passwordAcceptsKeepalivedsAdvert() {
        AuthSession session = new PasswordAuthenticator().newSession(bytes("kaspike1"));
        assertEquals(AuthVerdict.ACCEPTED, session.verify(keepalivedAdvert(), IP_HEADER));
        assertEquals(1, session.authTypeCode());
        assertEquals(112, session.ipProtocol());
        assertEquals(0, session.headerLength());
    }

    @Test
    public void wrongPasswordFails() {
        AuthSession session = new PasswordAuthenticator().newSession(bytes("kaspike2"));
        assertEquals(AuthVerdict.FAILED, session.verify(keepalivedAdvert(), IP_HEADER));
    }

    @Test
    public void shortPasswordIsZeroPaddedAndCompared() {
        AuthSession session = new PasswordAuthenticator().newSession(bytes("kas"));
        assertEquals(AuthVerdict.FAILED, session.verify(keepalivedAdvert(), IP_HEADER));
        ByteBuffer advert = keepalivedAdvert();
        session.writeAuthData(advert, IP_HEADER);
        byte[] authData = new byte[8];
        advert.get(IP_HEADER + 12, authData);
        assertArrayEquals(new byte[] {'k', 'a', 's', 0, 0, 0, 0, 0}, authData);
        assertEquals(AuthVerdict.ACCEPTED, session.verify(advert, IP_HEADER));
    }

    @Test
    public void thePasswordGoesAfterTheAddressesAndSealingAddsNothing() {
        ByteBuffer advert = keepalivedAdvert();
        advert.putLong(IP_HEADER + 12, 0L);
        AuthSession session = new PasswordAuthenticator().newSession(bytes("kaspike1"));
        session.writeAuthData(advert, IP_HEADER);
        session.seal(advert, IP_HEADER);
        assertEquals(KEEPALIVED_PASS, HexFormat.of().formatHex(advert.array()));
    }

    @Test
    public void typeMismatchIsToldApart() {
        ByteBuffer advert = keepalivedAdvert();
        assertEquals(AuthVerdict.TYPE_MISMATCH, new NoAuthenticator().newSession(new byte[0]).verify(advert, IP_HEADER));
        advert.put(IP_HEADER + 4, (byte) 0);
        assertEquals(AuthVerdict.TYPE_MISMATCH, new PasswordAuthenticator().newSession(bytes("kaspike1")).verify(advert, IP_HEADER));
        assertEquals(AuthVerdict.ACCEPTED, new NoAuthenticator().newSession(new byte[0]).verify(advert, IP_HEADER));
    }

    @Test
    public void noneLeavesTheDatagramAlone() {
        ByteBuffer advert = keepalivedAdvert();
        AuthSession none = new NoAuthenticator().newSession(bytes("ignored"));
        none.writeAuthData(advert, IP_HEADER);
        none.seal(advert, IP_HEADER);
        assertEquals(KEEPALIVED_PASS, HexFormat.of().formatHex(advert.array()));
        assertEquals(0, none.authTypeCode());
    }

    @Test
    public void passwordOverEightBytesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PasswordAuthenticator().newSession(bytes("123456789")));
        assertEquals("a VRRP password has at most 8 bytes, not 9", e.getMessage());
    }

    @Test
    public void sessionNeverPrintsThePassword() {
        assertEquals("PASS session", new PasswordAuthenticator().newSession(bytes("kaspike1")).toString());
    }
}
