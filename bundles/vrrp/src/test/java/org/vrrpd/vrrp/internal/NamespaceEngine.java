package org.vrrpd.vrrp.internal;

import java.nio.file.Path;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.NetworkNamespace;

/** Starts engines whose thread and raw sockets live in a lab namespace, with FakeInterfaces standing in for netlink. */
final class NamespaceEngine {
    private NamespaceEngine() {
    }

    /**
     * An engine in {@code ns} seeing its {@code eth0} with {@code eth0Addresses} ("ADDRESS/PREFIX[,...]"), each address
     * change taking {@code netlinkStallMillis}; it hands off state through {@code handoff} and knows auth type none.
     */
    static EngineCore start(String ns, Path handoff, long netlinkStallMillis, String eth0Addresses) throws Exception {
        return NetworkNamespace.call(ns, () -> {
            FakeInterfaces eth0 = new FakeInterfaces(netlinkStallMillis, "eth0", IoctlSocket.nameToIndex("eth0"), eth0Addresses);
            EngineCore c = new EngineCore(handoff, ChannelSockets.Factory.RAW, () -> eth0, () -> null, () -> null, () -> null);
            c.start();
            c.authenticatorAdded("none", new NoAuth());
            return c;
        });
    }
}
