package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.auth.AuthSession;

/**
 * RFC 3768 / RFC 5798 §7.1 for one instance, in the RFC's order: the packet checks, the authentication, the
 * advert interval, then the address list. Pure and allocation-free: it runs for every advert, and
 * it is what the fuzz tests drive.
 */
final class AdvertChecks {
    /** Highest auth type of RFC 2338 (2 = IPSEC-AH); anything above is invalid on the wire. */
    private static final int MAX_AUTH_TYPE = 2;

    private AdvertChecks() {
    }

    /** The verdict on a datagram of {@code length} bytes whose VRRP message starts at {@code at}. */
    static Verdict check(ByteBuffer datagram, int length, int at, InstanceSettings settings, AuthSession auth) {
        Unicast unicast = settings.unicast();
        Verdict packet;
        if (unicast.enabled()) {
            Unicast.Peer peer = unicast.peer(VrrpPacket.sourceHigh(datagram), VrrpPacket.sourceKey(datagram));
            if (peer == null) {
                return Verdict.UNKNOWN_PEER;
            }
            packet = VrrpPacket.check(datagram, length, at, settings.version(), peer.minTtl(), peer.maxTtl());
        } else {
            packet = VrrpPacket.check(datagram, length, at, settings.version());
        }
        if (packet != Verdict.ACCEPTED) {
            return packet;
        }
        if (settings.version() == 3) {
            if (!VrrpPacket.isIpv6(datagram) && VrrpPacket.ipProtocol(datagram) != VrrpPacket.IP_PROTOCOL) {
                return Verdict.AUTH_TYPE_MISMATCH; // wrapped in AH: VRRPv3 has no authentication
            }
            if (VrrpPacket.maxAdverCentis(datagram, at) == 0) {
                return Verdict.INTERVAL; // any other interval is the master's to choose (RFC 5798 §6.4.2), but none is none
            }
            return addressList(datagram, at, settings);
        }
        if (VrrpPacket.authType(datagram, at) > MAX_AUTH_TYPE) {
            return Verdict.AUTH_TYPE_INVALID;
        }
        if (auth == null) {
            return Verdict.NO_AUTHENTICATOR;
        }
        int ipHeader = VrrpPacket.ipHeaderLength(datagram);
        if (VrrpPacket.ipProtocol(datagram) != auth.ipProtocol() || at - ipHeader != auth.headerLength()) {
            return Verdict.AUTH_TYPE_MISMATCH;
        }
        Verdict authentication = switch (auth.verify(datagram, ipHeader)) {
            case ACCEPTED -> Verdict.ACCEPTED;
            case TYPE_MISMATCH -> Verdict.AUTH_TYPE_MISMATCH;
            case FAILED -> Verdict.AUTH_FAILED;
            case REPLAYED -> Verdict.AUTH_REPLAYED;
        };
        if (authentication != Verdict.ACCEPTED) {
            return authentication;
        }
        if (VrrpPacket.advertInterval(datagram, at) * 100 != settings.advertCentis()) {
            return Verdict.INTERVAL;
        }
        return addressList(datagram, at, settings);
    }

    /** RFC 3768 §7.1: another list is a misconfiguration to tell; in strict mode it is dropped unless the owner sent it. */
    private static Verdict addressList(ByteBuffer datagram, int at, InstanceSettings settings) {
        if (sameAddresses(datagram, at, settings.virtualAddresses())) {
            return Verdict.ACCEPTED;
        }
        return settings.strict() && VrrpPacket.priority(datagram, at) != InstanceSettings.OWNER_PRIORITY ? Verdict.OTHER_ADDRESSES_STRICT
                : Verdict.ACCEPTED_OTHER_ADDRESSES;
    }

    private static boolean sameAddresses(ByteBuffer datagram, int at, List<VirtualAddress> ours) {
        int count = VrrpPacket.addressCount(datagram, at);
        if (count != ours.size()) {
            return false;
        }
        if (VrrpPacket.isIpv6(datagram)) {
            return sameIpv6Addresses(datagram, at, ours);
        }
        outer:
        for (int i = 0; i < count; i++) {
            int a = VrrpPacket.address(datagram, at, i);
            for (int k = 0; k < count; k++) {
                if (ours.get(k).isIpv4() && ours.get(k).ipv4() == a) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean sameIpv6Addresses(ByteBuffer datagram, int at, List<VirtualAddress> ours) {
        int count = ours.size();
        outer:
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < count; k++) {
                if (!ours.get(k).isIpv4() && VrrpPacket.ipv6AddressIs(datagram, at, i, ours.get(k))) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}
