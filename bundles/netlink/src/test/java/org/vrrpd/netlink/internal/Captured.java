package org.vrrpd.netlink.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/** The kernel messages recorded in rtnl-captured.txt, by name. */
final class Captured {
    private static final Map<String, byte[]> MESSAGES = load();

    private Captured() {
    }

    static ByteBuffer message(String name) {
        byte[] bytes = MESSAGES.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no captured message " + name);
        }
        return ByteBuffer.wrap(bytes.clone()).order(ByteOrder.nativeOrder());
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> messages = new HashMap<>();
        try (InputStream in = Captured.class.getResourceAsStream("/rtnl-captured.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                messages.put(parts[0], hex(parts[1]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!new HashSet<>(messages.keySet()).containsAll(java.util.List.of("link-eth0", "addr-192.0.2.1",
                "addr-192.0.2.50-secondary", "addr-2001:db8::1", "deladdr-192.0.2.50"))) {
            throw new IllegalStateException("rtnl-captured.txt is incomplete: " + messages.keySet());
        }
        return messages;
    }

    static byte[] hex(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
