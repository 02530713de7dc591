package org.vrrpd.api.json;

import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import org.vrrpd.api.vrrp.Ipv6Text;

/**
 * Writes one JSON document (RFC 8259), indented by two spaces, for the status commands. Names and
 * values must alternate inside objects; a misuse throws rather than producing invalid JSON. No
 * dependency, so that every bundle can use it and so can the distribution's plain-Java tools.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it is an object, and whether it already has a member. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        return begin('{', true);
    }

    public JsonWriter endObject() {
        return end('}', true);
    }

    public JsonWriter beginArray() {
        return begin('[', false);
    }

    public JsonWriter endArray() {
        return end(']', false);
    }

    public JsonWriter name(String name) {
        boolean[] top = open.peek();
        if (top == null || !top[0] || afterName) {
            throw new IllegalStateException("a name belongs directly inside an object");
        }
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        quote(value);
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A decimal number exactly as given (no exponent). */
    public JsonWriter value(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        out.append(value.toPlainString());
        return this;
    }

    /** An IP address as text: dotted quad, or RFC 5952 for IPv6 (never a scope or host name); null as null. */
    public JsonWriter value(InetAddress address) {
        return value(address == null ? null : address(address));
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** An array of strings. */
    public JsonWriter strings(Collection<String> values) {
        beginArray();
        values.forEach(this::value);
        return endArray();
    }

    /** The document; only once every object and array is closed. */
    @Override
    public String toString() {
        if (!open.isEmpty() || out.length() == 0) {
            throw new IllegalStateException("the JSON document is not complete");
        }
        return out.toString();
    }

    public static String address(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : Ipv6Text.canonical(address.getAddress());
    }

    private JsonWriter begin(char bracket, boolean object) {
        beforeValue();
        out.append(bracket);
        open.push(new boolean[] {object, false});
        return this;
    }

    private JsonWriter end(char bracket, boolean object) {
        boolean[] top = open.peek();
        if (top == null || top[0] != object || afterName) {
            throw new IllegalStateException("unbalanced " + bracket);
        }
        open.pop();
        if (top[1]) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void beforeValue() {
        boolean[] top = open.peek();
        if (top == null) {
            if (out.length() > 0) {
                throw new IllegalStateException("one document has one top-level value");
            }
            return;
        }
        if (top[0]) {
            if (!afterName) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            afterName = false;
        } else {
            separate();
        }
    }

    /** A comma after the previous member, then a new indented line. */
    private void separate() {
        boolean[] top = open.peek();
        if (top[1]) {
            out.append(',');
        }
        top[1] = true;
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(open.size()));
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // control characters, and lone surrogates (invalid UTF-8 otherwise), as \\u escapes
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
