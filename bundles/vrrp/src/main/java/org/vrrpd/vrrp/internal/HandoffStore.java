package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * Hot swap of the engine bundle: what this incarnation takes from the previous one (claimed by
 * instance name within {@link #CLAIM_NANOS}) and what it parks for the next, in the bundle's
 * persistent storage. Loop thread only, but for {@link #take}.
 */
final class HandoffStore {
    private static final Logger LOG = LoggerFactory.getLogger(HandoffStore.class);
    /** How long handed-over instances wait to be claimed by their configuration. */
    static final long CLAIM_NANOS = 10_000_000_000L;

    private final Path file;
    private Map<String, Handoff> handedOver = Map.of();
    private final Map<String, Handoff> parked = new LinkedHashMap<>();

    HandoffStore(Path file) {
        this.file = file;
    }

    /** Reads (and deletes) what the previous incarnation left; any thread, before the loop uses the store. */
    Set<String> take() {
        try {
            handedOver = new HashMap<>(Handoff.take(file));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read what the previous engine handed over ({}); starting afresh", e.toString());
            handedOver = new HashMap<>();
        }
        return Set.copyOf(handedOver.keySet());
    }

    /** The previous incarnation's state of {@code name}, once; null if none. */
    Handoff claim(String name) {
        return handedOver.remove(name);
    }

    void park(VrrpInstance instance) {
        InstanceSettings s = instance.settings();
        parked.put(s.name(), new Handoff(s.name(), s.addressInterface(), s.vrid(), instance.state(), AuthBinding.continuation(instance),
                s.managedAddresses(), System.currentTimeMillis()));
    }

    /** Writes the parked instances for the next incarnation. */
    void save() throws IOException {
        if (!parked.isEmpty()) {
            Handoff.save(file, parked.values());
            LOG.info("handing {} over to the next VRRP engine", parked.keySet());
        }
    }

    /** Handed-over instances nobody claimed (their configuration is gone): {@code release} gets the addresses they left. */
    void expire(Releaser release) {
        for (Handoff h : handedOver.values()) {
            LOG.info("{}: handed over but no longer configured; removing its addresses {}", h.name(), h.addresses());
            release.release(h.name(), h.interfaceName(), h.addresses());
        }
        handedOver.clear();
    }

    interface Releaser {
        void release(String owner, String interfaceName, List<VirtualAddress> addresses);
    }
}
