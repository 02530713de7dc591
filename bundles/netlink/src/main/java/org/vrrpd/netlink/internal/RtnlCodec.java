package org.vrrpd.netlink.internal;

import static org.vrrpd.netlink.internal.Rtnetlink.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.MacAddress;

/**
 * Encodes rtnetlink requests and decodes the kernel's link and address messages. Pure: no I/O,
 * so that it is tested from captured kernel messages. Buffers are in native byte order, as
 * netlink is; addresses inside attributes are in network order.
 */
final class RtnlCodec {
    private RtnlCodec() {
    }

    /** A malformed message; the text says what and where. */
    static final class MalformedMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedMessage(String what) {
            super(what);
        }
    }

    /** Receives each message of a datagram: its type, flags, sequence number and payload. */
    interface MessageHandler {
        void message(int type, int flags, int sequence, ByteBuffer payload);
    }

    /** Walks the netlink messages in {@code datagram} (position to limit). */
    static void forEachMessage(ByteBuffer datagram, MessageHandler handler) {
        ByteBuffer buf = datagram.duplicate().order(ByteOrder.nativeOrder());
        int at = buf.position();
        int end = buf.limit();
        while (at + NLMSG_HDRLEN <= end) {
            int length = buf.getInt(at);
            if (length < NLMSG_HDRLEN || length > end - at) { // not at + length: a huge length would overflow
                throw new MalformedMessage("netlink message length " + length + " at offset " + at + " of " + end);
            }
            int type = Short.toUnsignedInt(buf.getShort(at + 4));
            int flags = Short.toUnsignedInt(buf.getShort(at + 6));
            int sequence = buf.getInt(at + 8);
            ByteBuffer payload = buf.duplicate().order(ByteOrder.nativeOrder()).limit(at + length).position(at + NLMSG_HDRLEN).slice()
                    .order(ByteOrder.nativeOrder());
            handler.message(type, flags, sequence, payload);
            at += align(length);
        }
    }

    /** The errno of an NLMSG_ERROR payload (0 is an acknowledgement). */
    static int errorCode(ByteBuffer payload) {
        if (payload.remaining() < 4) {
            throw new MalformedMessage("NLMSG_ERROR shorter than 4 bytes");
        }
        return -payload.getInt(0);
    }

    /** Decodes an RTM_NEWLINK or RTM_DELLINK payload. */
    static RtnlMessage.Link decodeLink(int type, ByteBuffer payload) {
        if (payload.remaining() < IFINFOMSG_LEN) {
            throw new MalformedMessage(typeName(type) + " shorter than struct ifinfomsg");
        }
        int index = payload.getInt(4);
        int flags = payload.getInt(8);
        String[] name = {null};
        MacAddress[] mac = {null};
        int[] mtu = {0};
        String[] oper = {"UNKNOWN"};
        String[] kind = {null};
        int[] parent = {0};
        String[] alias = {null};
        forEachAttribute(payload, IFINFOMSG_LEN, (attr, value) -> {
            switch (attr) {
                case IFLA_IFNAME -> name[0] = string(value);
                case IFLA_ADDRESS -> mac[0] = MacAddress.of(bytes(value));
                case IFLA_MTU -> mtu[0] = u32(value, "IFLA_MTU");
                case IFLA_LINK -> parent[0] = u32(value, "IFLA_LINK");
                case IFLA_IFALIAS -> alias[0] = string(value);
                case IFLA_OPERSTATE -> {
                    int state = u8(value, "IFLA_OPERSTATE");
                    oper[0] = state < OPER_STATES.length ? OPER_STATES[state] : "UNKNOWN";
                }
                case IFLA_LINKINFO -> forEachAttribute(value, 0, (nested, v) -> {
                    if (nested == IFLA_INFO_KIND) {
                        kind[0] = string(v);
                    }
                });
                default -> { }
            }
        });
        if (name[0] == null) {
            throw new MalformedMessage(typeName(type) + " for ifindex " + index + " without IFLA_IFNAME");
        }
        return new RtnlMessage.Link(type == RTM_DELLINK, index, flags, name[0], mac[0], mtu[0], oper[0], kind[0], parent[0],
                alias[0] == null || alias[0].isEmpty() ? null : alias[0]);
    }

    /** Decodes an RTM_NEWADDR or RTM_DELADDR payload. */
    static RtnlMessage.Address decodeAddress(int type, ByteBuffer payload) {
        if (payload.remaining() < IFADDRMSG_LEN) {
            throw new MalformedMessage(typeName(type) + " shorter than struct ifaddrmsg");
        }
        int family = Byte.toUnsignedInt(payload.get(0));
        int prefix = Byte.toUnsignedInt(payload.get(1));
        int[] flags = {Byte.toUnsignedInt(payload.get(2))};
        int index = payload.getInt(4);
        byte[][] address = {null};
        byte[][] local = {null};
        String[] label = {null};
        byte[][] broadcast = {null};
        forEachAttribute(payload, IFADDRMSG_LEN, (attr, value) -> {
            switch (attr) {
                case IFA_ADDRESS -> address[0] = bytes(value);
                case IFA_LOCAL -> local[0] = bytes(value);
                case IFA_LABEL -> label[0] = string(value);
                case IFA_BROADCAST -> broadcast[0] = bytes(value);
                case IFA_FLAGS -> flags[0] = u32(value, "IFA_FLAGS"); // the full 32-bit flags
                default -> { }
            }
        });
        // IPv4: IFA_LOCAL is our address, IFA_ADDRESS the peer on point-to-point links.
        byte[] ours = local[0] != null ? local[0] : address[0];
        int expected = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
        if (ours == null || ours.length != expected) {
            throw new MalformedMessage(typeName(type) + " for ifindex " + index + ": family " + family + " without a matching address");
        }
        if (prefix > expected * 8) {
            throw new MalformedMessage(typeName(type) + " for ifindex " + index + ": prefix length " + prefix);
        }
        return new RtnlMessage.Address(type == RTM_DELADDR, index, inet(ours), prefix, flags[0], label[0], Byte.toUnsignedInt(payload.get(3)),
                broadcast[0] != null && broadcast[0].length == 4 ? inet(broadcast[0]) : null);
    }

    /** Requests a dump of every link (RTM_GETLINK) or every address of all families (RTM_GETADDR). */
    static ByteBuffer dumpRequest(int type, int sequence) {
        int length = NLMSG_HDRLEN + IFINFOMSG_LEN; // ifinfomsg is the larger of the two headers; zero padding is accepted
        ByteBuffer buf = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());
        buf.putInt(length).putShort((short) type).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP)).putInt(sequence).putInt(0);
        buf.putLong(0).putLong(0); // family AF_UNSPEC: all families
        return buf.flip();
    }

    /**
     * RTM_NEWADDR (exclusive create) or RTM_DELADDR for one address, asking for an acknowledgement.
     * IPv6 addresses skip duplicate address detection, as a virtual address must answer at once.
     */
    static ByteBuffer addressRequest(boolean add, int sequence, int index, InetAddress address, int prefixLength, String label) {
        return addressRequest(add ? AddressChange.ADD : AddressChange.REMOVE, sequence, index, address, prefixLength, label, 0);
    }

    /**
     * One address request, acknowledged. For {@link AddressChange#LEASE} the valid and preferred
     * lifetimes are both {@code lifetimeSeconds} (IFA_CACHEINFO), 0 meaning forever. IPv6
     * addresses skip duplicate address detection, as a virtual address must answer at once.
     */
    static ByteBuffer addressRequest(AddressChange change, int sequence, int index, InetAddress address, int prefixLength, String label,
                                     long lifetimeSeconds) {
        return addressRequest(change, sequence, index, new InterfaceAddress(address, prefixLength, false, label), lifetimeSeconds);
    }

    /** The same with the address's scope (ifa_scope) and IPv4 broadcast address (IFA_BROADCAST), keepalived's scope and brd. */
    static ByteBuffer addressRequest(AddressChange change, int sequence, int index, InterfaceAddress a, long lifetimeSeconds) {
        ByteBuffer buf = ByteBuffer.allocateDirect(addressRequestLength(change, a)).order(ByteOrder.nativeOrder());
        putAddressRequest(buf, change, sequence, index, a, lifetimeSeconds, true);
        return buf.flip();
    }

    /** The bytes {@link #putAddressRequest} writes for {@code a}. */
    static int addressRequestLength(AddressChange change, InterfaceAddress a) {
        boolean v4 = a.address().getAddress().length == 4;
        return NLMSG_HDRLEN + IFADDRMSG_LEN + attributeSpace(v4 ? 4 : 16) * (v4 ? 2 : 1)
                + (v4 && a.label() != null ? attributeSpace(a.label().length() + 1) : 0) + (v4 && a.broadcast() != null ? attributeSpace(4) : 0)
                + (change.lifetime ? attributeSpace(IFA_CACHEINFO_LEN) : 0);
    }

    /**
     * Writes one address request at {@code buf}'s position (native order), acknowledged only if
     * {@code ack}: a request without NLM_F_ACK is answered only if the kernel refuses it, so many
     * can go in one datagram with the acknowledgement asked of the last alone.
     */
    static void putAddressRequest(ByteBuffer buf, AddressChange change, int sequence, int index, InterfaceAddress a, long lifetimeSeconds,
                                  boolean ack) {
        InetAddress address = a.address();
        int prefixLength = a.prefixLength();
        String label = a.label();
        if (lifetimeSeconds < 0 || lifetimeSeconds >= 0xffffffffL) {
            throw new IllegalArgumentException("address lifetime " + lifetimeSeconds + " s out of 0.." + (0xffffffffL - 1));
        }
        byte[] raw = address.getAddress();
        boolean v4 = raw.length == 4;
        byte[] labelBytes = v4 && label != null ? (label + "\0").getBytes(StandardCharsets.US_ASCII) : null;
        byte[] broadcast = v4 && a.broadcast() != null ? a.broadcast().getAddress() : null;
        int length = addressRequestLength(change, a);
        int flags = NLM_F_REQUEST | (ack ? NLM_F_ACK : 0) | change.flags;
        buf.putInt(length).putShort((short) change.messageType).putShort((short) flags).putInt(sequence).putInt(0);
        buf.put((byte) (v4 ? AF_INET : AF_INET6)).put((byte) prefixLength).put((byte) (v4 ? 0 : IFA_F_NODAD))
                .put((byte) a.scope()).putInt(index);
        if (v4) {
            putAttribute(buf, IFA_LOCAL, raw);
        }
        putAttribute(buf, IFA_ADDRESS, raw);
        if (labelBytes != null) {
            putAttribute(buf, IFA_LABEL, labelBytes);
        }
        if (broadcast != null) {
            putAttribute(buf, IFA_BROADCAST, broadcast);
        }
        if (change.lifetime) {
            int seconds = lifetimeSeconds == 0 ? INFINITY_LIFE_TIME : (int) lifetimeSeconds;
            buf.putShort((short) (4 + IFA_CACHEINFO_LEN)).putShort((short) IFA_CACHEINFO)
                    .putInt(seconds).putInt(seconds).putInt(0).putInt(0); // preferred, valid, cstamp, tstamp
        }
    }

    /**
     * RTM_NEWLINK, exclusive create, acknowledged: a macvlan {@code name} on the link {@code parentIndex}
     * in mode private with the address {@code mac}, left down (keepalived's netlink_link_add_vmac).
     */
    static ByteBuffer macvlanRequest(int sequence, String name, int parentIndex, MacAddress mac) {
        byte[] kind = "macvlan".getBytes(StandardCharsets.US_ASCII); // keepalived sends it without a NUL, as the kernel accepts
        byte[] ifname = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] hw = mac.toBytes();
        int data = 4 + attributeSpace(4); // IFLA_INFO_DATA { IFLA_MACVLAN_MODE u32 }
        int linkinfo = 4 + attributeSpace(kind.length) + data;
        int length = NLMSG_HDRLEN + IFINFOMSG_LEN + attributeSpace(4) + attributeSpace(ifname.length) + attributeSpace(hw.length) + linkinfo;
        ByteBuffer buf = linkHeader(length, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, sequence, 0, 0, 0);
        putAttribute(buf, IFLA_LINK, u32Bytes(parentIndex));
        putAttribute(buf, IFLA_IFNAME, ifname);
        putAttribute(buf, IFLA_ADDRESS, hw);
        buf.putShort((short) linkinfo).putShort((short) IFLA_LINKINFO);
        putAttribute(buf, IFLA_INFO_KIND, kind);
        buf.putShort((short) data).putShort((short) IFLA_INFO_DATA);
        putAttribute(buf, IFLA_MACVLAN_MODE, u32Bytes(MACVLAN_MODE_PRIVATE));
        return buf.flip();
    }

    /** RTM_NEWLINK on the existing link {@code name}, acknowledged: its alias (IFLA_IFALIAS, which the kernel ignores on a create). */
    static ByteBuffer aliasRequest(int sequence, String name, String alias) {
        byte[] text = (alias + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = namedLink(attributeSpace(text.length), RTM_NEWLINK, sequence, name, 0);
        putAttribute(buf, IFLA_IFALIAS, text);
        return buf.flip();
    }

    /**
     * RTM_NEWLINK on the existing link {@code name}, acknowledged: IPv6 addrgenmode none, so that
     * it gets no link-local address of its own (RFC 5798 §7.4). The kernel reads IFLA_AF_SPEC only
     * on a link that exists, and it must come before the link is up.
     */
    static ByteBuffer addrGenModeNoneRequest(int sequence, String name) {
        int inet6 = 4 + attributeSpace(1);
        int spec = 4 + inet6;
        ByteBuffer buf = namedLink(spec, RTM_NEWLINK, sequence, name, 0);
        buf.putShort((short) spec).putShort((short) IFLA_AF_SPEC);
        buf.putShort((short) inet6).putShort((short) AF_INET6);
        putAttribute(buf, IFLA_INET6_ADDR_GEN_MODE, new byte[] {(byte) IN6_ADDR_GEN_MODE_NONE});
        return buf.flip();
    }

    /** RTM_NEWLINK on the existing link {@code name}, acknowledged: IFF_UP set (ifi_change = IFF_UP). */
    static ByteBuffer linkUpRequest(int sequence, String name) {
        return namedLink(0, RTM_NEWLINK, sequence, name, IFF_UP).flip();
    }

    /** RTM_DELLINK of the link {@code name}, acknowledged. */
    static ByteBuffer deleteLinkRequest(int sequence, String name) {
        return namedLink(0, RTM_DELLINK, sequence, name, 0).flip();
    }

    /**
     * A request about an existing link named by IFLA_IFNAME (ifi_index 0), so that it needs no
     * index the mirror may not have heard of yet; {@code extra} bytes of attributes follow.
     */
    private static ByteBuffer namedLink(int extra, int type, int sequence, String name, int setFlags) {
        byte[] ifname = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = linkHeader(NLMSG_HDRLEN + IFINFOMSG_LEN + attributeSpace(ifname.length) + extra, type, NLM_F_REQUEST | NLM_F_ACK,
                sequence, 0, setFlags, setFlags);
        putAttribute(buf, IFLA_IFNAME, ifname);
        return buf;
    }

    /** A buffer of {@code length} with the netlink header and struct ifinfomsg (family AF_UNSPEC) written. */
    private static ByteBuffer linkHeader(int length, int type, int flags, int sequence, int index, int ifFlags, int ifChange) {
        ByteBuffer buf = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());
        buf.putInt(length).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(0);
        buf.put((byte) AF_UNSPEC).put((byte) 0).putShort((short) 0).putInt(index).putInt(ifFlags).putInt(ifChange);
        return buf;
    }

    private static byte[] u32Bytes(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    interface AttributeHandler {
        void attribute(int type, ByteBuffer value);
    }

    /** Walks the rtattrs that follow a fixed header of {@code offset} bytes. */
    static void forEachAttribute(ByteBuffer payload, int offset, AttributeHandler handler) {
        int at = offset;
        int end = payload.limit();
        while (at + 4 <= end) {
            int length = Short.toUnsignedInt(payload.getShort(at));
            int type = Short.toUnsignedInt(payload.getShort(at + 2)) & 0x3fff; // without NLA_F_NESTED / NET_BYTEORDER
            if (length < 4 || at + length > end) {
                throw new MalformedMessage("attribute " + type + " length " + length + " at offset " + at + " of " + end);
            }
            ByteBuffer value = payload.duplicate().limit(at + length).position(at + 4).slice().order(ByteOrder.nativeOrder());
            handler.attribute(type, value);
            at += align(length);
        }
    }

    private static void putAttribute(ByteBuffer buf, int type, byte[] value) {
        buf.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        for (int pad = align(4 + value.length) - (4 + value.length); pad > 0; pad--) {
            buf.put((byte) 0);
        }
    }

    private static int attributeSpace(int valueLength) {
        return align(4 + valueLength);
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    private static int u32(ByteBuffer value, String attribute) {
        if (value.remaining() < 4) {
            throw new MalformedMessage(attribute + " of " + value.remaining() + " bytes");
        }
        return value.getInt(0);
    }

    private static int u8(ByteBuffer value, String attribute) {
        if (value.remaining() < 1) {
            throw new MalformedMessage(attribute + " without a value");
        }
        return Byte.toUnsignedInt(value.get(0));
    }

    private static byte[] bytes(ByteBuffer value) {
        byte[] b = new byte[value.remaining()];
        value.get(0, b);
        return b;
    }

    /** A NUL-terminated string attribute. */
    private static String string(ByteBuffer value) {
        int n = 0;
        while (n < value.remaining() && value.get(n) != 0) {
            n++;
        }
        byte[] b = new byte[n];
        value.get(0, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new MalformedMessage("address of " + raw.length + " bytes");
        }
    }

    /** Decodes every link and address message in a datagram, in order; others are ignored. */
    static void decodeAll(ByteBuffer datagram, Consumer<RtnlMessage> sink) {
        forEachMessage(datagram, (type, flags, sequence, payload) -> {
            RtnlMessage message = decode(type, payload);
            if (message != null) {
                sink.accept(message);
            }
        });
    }

    /** A link or address message decoded; null for any other type. */
    static RtnlMessage decode(int type, ByteBuffer payload) {
        return switch (type) {
            case RTM_NEWLINK, RTM_DELLINK -> decodeLink(type, payload);
            case RTM_NEWADDR, RTM_DELADDR -> decodeAddress(type, payload);
            default -> null;
        };
    }
}
