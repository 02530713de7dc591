package org.vrrpd.track.file.internal;

import java.util.OptionalLong;

/**
 * The number in a tracked file as keepalived reads it: its first 127 bytes through C's
 * {@code strtol(buf, NULL, 0)} — leading blanks, a sign, then hexadecimal after 0x, octal after a
 * leading 0, else decimal, up to the first other character; no digits at all read as 0. A number
 * outside −2³¹..2³¹ (or beyond a long) is ignored: the last value stands (empty result).
 */
final class FileValue {
    static final int READ_LIMIT = 127;

    private FileValue() {
    }

    static OptionalLong parse(String text) {
        String s = text.length() > READ_LIMIT ? text.substring(0, READ_LIMIT) : text;
        int i = 0;
        while (i < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (s.startsWith("0", i)) {
            radix = 8;
        }
        long value = 0;
        for (; i < s.length() && Character.digit(s.charAt(i), radix) >= 0 && s.charAt(i) < 128; i++) {
            value = value * radix + Character.digit(s.charAt(i), radix);
            if (value > (1L << 40)) {
                return OptionalLong.empty(); // far out of range: strtol's ERANGE or keepalived's bound
            }
        }
        value = negative ? -value : value;
        if (value < Integer.MIN_VALUE || value > (long) Integer.MAX_VALUE + 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }
}
