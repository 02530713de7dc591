package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.Ipv4;

/**
 * The receive path: every datagram from every channel, demultiplexed by VRID, put through the RFC
 * 3768 §7.1 checks ({@link AdvertChecks}), counted under its verdict, and handed to its instance
 * when accepted. Runs for every packet on the event loop: nothing here allocates or logs unless a
 * drop is due for its (rate-limited) log line.
 */
final class AdvertReceiver implements InterfaceChannel.Receiver {
    private static final Logger LOG = LoggerFactory.getLogger(AdvertReceiver.class);
    static final long DROP_LOG_INTERVAL = 10_000_000_000L;

    private final Timers clock;
    /** Router-wide (RFC 2787): written by the loop only, read by views from any thread. */
    private volatile long unreadable;
    private volatile long vridErrors;
    private long nextUnreadableLog = Long.MIN_VALUE;

    AdvertReceiver(Timers clock) {
        this.clock = clock;
    }

    RouterStatistics statistics() {
        return new RouterStatistics(unreadable, vridErrors);
    }

    @Override
    public void datagram(InterfaceChannel channel, ByteBuffer datagram, int length) {
        int at = VrrpPacket.vrrpOffset(datagram, length);
        if (at < 0) {
            unreadable++;
            if (due(nextUnreadableLog)) {
                nextUnreadableLog = clock.now() + DROP_LOG_INTERVAL;
                LOG.warn("{}: dropped a datagram of {} bytes from {}: too short for a VRRP advert, or not one (further ones counted "
                        + "in vrrp:list, logged at most every 10 s)", channel.name(), length,
                        length >= 16 && !VrrpPacket.isIpv6(datagram) ? Ipv4.toString(VrrpPacket.ipSource(datagram)) : "?");
            }
            return;
        }
        VrrpInstance instance = channel.instance(VrrpPacket.vrid(datagram, at));
        if (instance == null) {
            vridErrors++; // another router's group: normal on a shared link, counted only
            return;
        }
        Verdict verdict = AdvertChecks.check(datagram, length, at, instance.settings(), instance.auth());
        if (verdict == Verdict.NO_AUTHENTICATOR) {
            return; // faulted: waiting for its authenticator
        }
        instance.counters.count(verdict);
        if (verdict != Verdict.ACCEPTED && due(instance.nextRejectLog)) {
            instance.nextRejectLog = clock.now() + DROP_LOG_INTERVAL;
            logDrop(instance, datagram, at, verdict);
        }
        if (verdict.accepted()) {
            instance.advertReceived(VrrpPacket.priority(datagram, at), VrrpPacket.sourceHigh(datagram), VrrpPacket.sourceKey(datagram),
                    instance.settings().version() == 3 ? VrrpPacket.maxAdverCentis(datagram, at) : instance.settings().advertCentis(),
                    verdict == Verdict.ACCEPTED_OTHER_ADDRESSES);
        } else if (instance.state() == VrrpState.MASTER && VrrpPacket.priority(datagram, at) != 0) {
            String why = disagreement(verdict, instance.splitBrain);
            if (why != null || instance.splitBrain.active()) {
                instance.otherMasterHeard(VrrpPacket.sourceHigh(datagram), VrrpPacket.sourceKey(datagram), why);
            }
        }
    }

    /**
     * A well-formed advert we drop comes from a router that is master, by our rules or not (only a
     * master advertises): for these verdicts, why the two disagree; null for a malformed or replayed
     * one, or when a split brain is known already (nothing is built then).
     */
    private static String disagreement(Verdict verdict, SplitBrain known) {
        if (known.active()) {
            return null;
        }
        return switch (verdict) {
            case AUTH_FAILED -> "its adverts fail authentication";
            case AUTH_TYPE_MISMATCH, AUTH_TYPE_INVALID -> "its authentication type differs";
            case INTERVAL -> "its advert interval differs";
            case VERSION -> "it speaks another VRRP version";
            case OTHER_ADDRESSES_STRICT -> "its address list differs from ours";
            default -> null;
        };
    }

    /** Asked before a message is built, so a flood of bad adverts costs counting only. */
    private boolean due(long next) {
        return clock.now() >= next;
    }

    private static void logDrop(VrrpInstance instance, ByteBuffer datagram, int at, Verdict verdict) {
        String why = switch (verdict) {
            case AUTH_TYPE_INVALID -> "invalid auth type " + VrrpPacket.authType(datagram, at);
            case INTERVAL -> "advert interval " + VrrpPacket.advertInterval(datagram, at) + " s, ours "
                    + InstanceSettings.secondsText(instance.settings().advertCentis()) + " s";
            case ACCEPTED_OTHER_ADDRESSES -> "its address list differs from ours";
            case OTHER_ADDRESSES_STRICT -> "its address list differs from ours and it is not the owner (strict mode)";
            case UNKNOWN_PEER -> "not one of its unicast peers";
            default -> verdict.toString();
        };
        LOG.warn("{}: {} an advert from {}: {} (further ones counted, logged at most every 10 s)", instance.name(),
                verdict.accepted() ? "accepted" : "dropped", RouterAddress.sourceText(datagram), why);
    }
}
