package org.vrrpd.lvs.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The generic netlink messages of the IPVS sync daemon, laid out as linux/netlink.h,
 * linux/genetlink.h and linux/ip_vs.h define them (host byte order, attributes padded to 4).
 */
final class IpvsMessages {
    static final int NLMSG_ERROR = 2;
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    static final int CTRL_VERSION = 2;
    static final String FAMILY = "IPVS";
    static final int IPVS_GENL_VERSION = 1;
    static final int IPVS_CMD_NEW_DAEMON = 9;
    static final int IPVS_CMD_DEL_DAEMON = 10;
    static final int IPVS_CMD_ATTR_DAEMON = 3;
    static final int IPVS_DAEMON_ATTR_STATE = 1;
    static final int IPVS_DAEMON_ATTR_MCAST_IFN = 2;
    static final int IPVS_DAEMON_ATTR_SYNC_ID = 3;
    static final int IP_VS_STATE_MASTER = 1;
    static final int IP_VS_STATE_BACKUP = 2;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_ACK = 0x4;
    private static final int NLA_F_NESTED = 0x8000;
    private static final int NLMSG_HDRLEN = 16;
    private static final int GENL_HDRLEN = 4;

    private IpvsMessages() {
    }

    /** CTRL_CMD_GETFAMILY for "IPVS": the kernel answers with the family id, or ENOENT without IPVS. */
    static ByteBuffer getFamily(int sequence) {
        byte[] name = (FAMILY + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = message(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_VERSION, sequence, attributeLength(name.length));
        attribute(b, CTRL_ATTR_FAMILY_NAME, name);
        return finish(b);
    }

    /** IPVS_CMD_NEW_DAEMON or IPVS_CMD_DEL_DAEMON with the nested daemon attributes (state; interface and sync id to start). */
    static ByteBuffer daemon(int familyId, boolean start, int state, String interfaceName, int syncId, int sequence) {
        byte[] ifn = (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII);
        int nested = attributeLength(4) + (start ? attributeLength(ifn.length) + attributeLength(4) : 0);
        ByteBuffer b = message(familyId, start ? IPVS_CMD_NEW_DAEMON : IPVS_CMD_DEL_DAEMON, IPVS_GENL_VERSION, sequence, 4 + nested);
        b.putShort((short) (4 + nested)).putShort((short) (IPVS_CMD_ATTR_DAEMON | NLA_F_NESTED));
        attribute(b, IPVS_DAEMON_ATTR_STATE, u32(state));
        if (start) {
            attribute(b, IPVS_DAEMON_ATTR_MCAST_IFN, ifn);
            attribute(b, IPVS_DAEMON_ATTR_SYNC_ID, u32(syncId));
        }
        return finish(b);
    }

    /** An answer that does not hold what it claims (never sent by a sane kernel); the text says what. */
    static final class MalformedReply extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedReply(String what) {
            super(what);
        }
    }

    /** The family id in a CTRL_CMD_NEWFAMILY answer (position to limit), or -errno if the answer is an error. */
    static int familyIdOrError(ByteBuffer reply) {
        ByteBuffer b = reply.duplicate().order(ByteOrder.nativeOrder());
        int start = b.position();
        int end = messageEnd(b);
        if (Short.toUnsignedInt(b.getShort(start + 4)) == NLMSG_ERROR) {
            return errorCode(b, start, end);
        }
        for (int at = start + NLMSG_HDRLEN + GENL_HDRLEN; at + 4 <= end; ) {
            int attrLength = Short.toUnsignedInt(b.getShort(at));
            int attrType = b.getShort(at + 2) & 0x3fff;
            if (attrLength < 4 || at + attrLength > end) {
                throw new MalformedReply("attribute length " + attrLength + " at offset " + (at - start) + " of " + (end - start));
            }
            if (attrType == CTRL_ATTR_FAMILY_ID) {
                if (attrLength < 6) {
                    throw new MalformedReply("family id attribute of " + attrLength + " bytes");
                }
                return Short.toUnsignedInt(b.getShort(at + 4));
            }
            at += (attrLength + 3) & ~3;
        }
        throw new MalformedReply("no family id in the controller's answer");
    }

    /** The error of an NLMSG_ERROR acknowledgement (0 for success, -errno otherwise); 1 if the message is something else. */
    static int ackError(ByteBuffer reply) {
        ByteBuffer b = reply.duplicate().order(ByteOrder.nativeOrder());
        int start = b.position();
        int end = messageEnd(b);
        return Short.toUnsignedInt(b.getShort(start + 4)) == NLMSG_ERROR ? errorCode(b, start, end) : 1;
    }

    /** Where the first message of the answer ends, checked against what was received. */
    private static int messageEnd(ByteBuffer b) {
        int start = b.position();
        if (b.remaining() < NLMSG_HDRLEN) {
            throw new MalformedReply("answer of " + b.remaining() + " bytes, shorter than a netlink header");
        }
        int length = b.getInt(start);
        if (length < NLMSG_HDRLEN || length > b.remaining()) {
            throw new MalformedReply("netlink length " + length + " in an answer of " + b.remaining() + " bytes");
        }
        return start + length;
    }

    private static int errorCode(ByteBuffer b, int start, int end) {
        if (start + NLMSG_HDRLEN + 4 > end) {
            throw new MalformedReply("NLMSG_ERROR without its error code");
        }
        return b.getInt(start + NLMSG_HDRLEN);
    }

    private static ByteBuffer message(int type, int command, int version, int sequence, int payload) {
        int length = NLMSG_HDRLEN + GENL_HDRLEN + payload;
        ByteBuffer b = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());
        b.putInt(length).putShort((short) type).putShort((short) (NLM_F_REQUEST | NLM_F_ACK)).putInt(sequence).putInt(0);
        b.put((byte) command).put((byte) version).putShort((short) 0);
        return b;
    }

    private static int attributeLength(int payload) {
        return (4 + payload + 3) & ~3;
    }

    private static void attribute(ByteBuffer b, int type, byte[] payload) {
        b.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
        for (int pad = attributeLength(payload.length) - 4 - payload.length; pad > 0; pad--) {
            b.put((byte) 0);
        }
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    private static ByteBuffer finish(ByteBuffer b) {
        if (b.hasRemaining()) {
            throw new IllegalStateException("message length miscounted by " + b.remaining());
        }
        return b.flip();
    }
}
