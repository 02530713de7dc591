package org.vrrpd.auth.internal;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-MD5 (RFC 2104) over a range of a buffer, reusing its pads and digest: no allocation per
 * message, as it runs for every AH advert sent and received. Not thread-safe.
 */
final class HmacMd5 {
    static final int LENGTH = 16;
    private static final int BLOCK = 64;

    private final MessageDigest md5;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];

    HmacMd5(byte[] key) {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
        byte[] k = key.length > BLOCK ? md5.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
    }

    /** Writes the 16-byte HMAC of {@code data[from, to)} into {@code out}; the buffer's position and limit are kept. */
    void mac(ByteBuffer data, int from, int to, byte[] out) {
        int position = data.position();
        int limit = data.limit();
        try {
            md5.update(innerPad);
            data.limit(to).position(from);
            md5.update(data);
            md5.digest(inner, 0, LENGTH);
            md5.update(outerPad);
            md5.update(inner);
            md5.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        } finally {
            data.limit(limit).position(position);
        }
    }
}
