package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.kernel.Ipv4;

/**
 * One instance's advert, built once into a direct buffer and reused for every send: per send only
 * the IP header, the priority, the checksum and what the authenticator seals (AH's sequence number
 * and ICV) are rewritten. Rebuilt after a change of settings or authenticator.
 */
final class AdvertBuffer {
    private ByteBuffer advert;
    private int ipIdentification;

    /** The next send builds the advert afresh. */
    void invalidate() {
        advert = null;
    }

    /**
     * The advert to send with {@code priority} from {@code source} (the low half of our address,
     * see {@link RouterAddress}; the settings give the high half) to {@code peer}, or to the VRRP
     * group when null; position 0, limit = length.
     */
    ByteBuffer next(InstanceSettings settings, AuthSession auth, int priority, long source, Unicast.Peer peer) {
        if (settings.ipv6()) {
            return nextIpv6(settings, priority, source, peer);
        }
        return next(settings, auth, priority, (int) source, peer == null ? Ipv4.VRRP_GROUP : peer.ipv4());
    }

    private ByteBuffer next(InstanceSettings settings, AuthSession auth, int priority, int source, int destination) {
        if (settings.version() == 3) {
            return nextV3(settings, priority, source, destination);
        }
        int at = VrrpPacket.IPV4_HEADER_LENGTH + auth.headerLength();
        int count = settings.virtualAddresses().size();
        int length = at + VrrpPacket.length(count);
        if (advert == null) {
            advert = ByteBuffer.allocateDirect(length);
            VrrpPacket.writeAdvertisement(advert, at, settings.vrid(), priority, auth.authTypeCode(), settings.advertCentis() / 100,
                    settings.virtualAddresses());
            auth.writeAuthData(advert, VrrpPacket.IPV4_HEADER_LENGTH);
        }
        ipIdentification = ipIdentification == 0xffff ? 1 : ipIdentification + 1;
        VrrpPacket.writeIpHeader(advert, length, ipIdentification, auth.ipProtocol(), source, destination);
        VrrpPacket.setTtl(advert, settings.unicast().sendTtl());
        VrrpPacket.setPriority(advert, at, priority);
        VrrpPacket.sealChecksum(advert, at, VrrpPacket.length(count));
        auth.seal(advert, VrrpPacket.IPV4_HEADER_LENGTH); // AH's ICV covers the VRRP checksum
        return advert.clear().limit(length);
    }

    /**
     * VRRPv3 over IPv6, from the interface's link-local address (RFC 5798 §5.1.2.1) or unicastSource, to
     * ff02::12 or a peer; the checksum covers the pseudo-header with that destination (§5.2.8), as
     * keepalived's kernel-computed one (IPV6_CHECKSUM) does.
     */
    private ByteBuffer nextIpv6(InstanceSettings settings, int priority, long source, Unicast.Peer peer) {
        int at = VrrpPacket.IPV6_HEADER_LENGTH;
        int vrrpLength = VrrpPacket.lengthIpv6(settings.virtualAddresses().size());
        if (advert == null) {
            advert = ByteBuffer.allocateDirect(at + vrrpLength);
            VrrpPacket.writeAdvertisementV3(advert, at, settings.vrid(), priority, settings.advertCentis(), settings.virtualAddresses());
        }
        VrrpPacket.writeIpv6Header(advert, vrrpLength, settings.unicast().sendTtl(), settings.sourceHigh(), source,
                peer == null ? VrrpPacket.IPV6_GROUP_HIGH : peer.high(), peer == null ? VrrpPacket.IPV6_GROUP_LOW : peer.low());
        VrrpPacket.setPriority(advert, at, priority);
        VrrpPacket.sealChecksumIpv6(advert, at, vrrpLength);
        return advert.clear().limit(at + vrrpLength);
    }

    /** VRRPv3 over IPv4: no authentication; the checksum covers the pseudo-header, so the source. */
    private ByteBuffer nextV3(InstanceSettings settings, int priority, int source, int destination) {
        int at = VrrpPacket.IPV4_HEADER_LENGTH;
        int vrrpLength = VrrpPacket.length(3, settings.virtualAddresses().size());
        if (advert == null) {
            advert = ByteBuffer.allocateDirect(at + vrrpLength);
            VrrpPacket.writeAdvertisementV3(advert, at, settings.vrid(), priority, settings.advertCentis(), settings.virtualAddresses());
        }
        ipIdentification = ipIdentification == 0xffff ? 1 : ipIdentification + 1;
        VrrpPacket.writeIpHeader(advert, at + vrrpLength, ipIdentification, VrrpPacket.IP_PROTOCOL, source, destination);
        VrrpPacket.setTtl(advert, settings.unicast().sendTtl());
        VrrpPacket.setPriority(advert, at, priority);
        VrrpPacket.sealChecksumV3(advert, at, vrrpLength, source, destination);
        return advert.clear().limit(at + vrrpLength);
    }
}
