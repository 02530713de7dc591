package org.vrrpd.importer;

import java.util.ArrayList;
import java.util.List;
import org.vrrpd.importer.KeepalivedConf.Node;

/** keepalived's {@code unicast_peer { ADDRESS [min_ttl N] [max_ttl M] ... }} as vrrpd's {@code unicastPeers = ADDRESS[@N-M], ...}. */
final class UnicastPeers {
    private UnicastPeers() {
    }

    static String of(String instance, Node block, Notes notes) {
        List<String> peers = new ArrayList<>();
        for (Node peer : block.children()) {
            String min = "0";
            String max = "255";
            List<String> args = peer.args();
            for (int i = 0; i + 1 < args.size(); i += 2) {
                switch (args.get(i)) {
                    case "min_ttl" -> min = args.get(i + 1);
                    case "max_ttl" -> max = args.get(i + 1);
                    default -> notes.add(peer, instance + ": unicast_peer option '" + args.get(i) + "' not supported");
                }
            }
            if (args.size() % 2 != 0) {
                notes.add(peer, instance + ": unicast_peer option '" + args.get(args.size() - 1) + "' without a value: ignored");
            }
            peers.add(peer.keyword() + (min.equals("0") && max.equals("255") ? "" : "@" + min + "-" + max));
        }
        return String.join(", ", peers);
    }
}
