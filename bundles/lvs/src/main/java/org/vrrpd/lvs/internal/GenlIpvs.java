package org.vrrpd.lvs.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.lvs.LvsSyncControl;
import org.vrrpd.api.lvs.SyncRole;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.NetlinkSocket;

/**
 * The IPVS sync daemons through generic netlink. The family "IPVS" exists only while the ip_vs
 * module is loaded, so it is resolved when first asked and, while missing, again at most every
 * 30 s; until then every request fails with a message that says so. A missing IPVS is logged only
 * when the sync daemon needs it: a daemon without LVS configuration (or an operator listing
 * commands, which instantiates lvs:status) hears nothing about it.
 */
@Component(service = {LvsSyncControl.class, GenlIpvs.class})
public class GenlIpvs implements LvsSyncControl {
    private static final Logger LOG = LoggerFactory.getLogger(GenlIpvs.class);
    static final long RETRY_NANOS = 30_000_000_000L;
    private static final int REPLY_TIMEOUT_MILLIS = 1000;

    private final ByteBuffer reply = ByteBuffer.allocateDirect(8192);
    private NetlinkSocket socket;
    private int familyId = -1;
    private boolean attempted;
    private long lastAttempt;
    private String unavailable = "not resolved yet";
    /** The reason last logged, so that each is logged once. */
    private String warned;
    private int sequence;

    @Activate
    synchronized void activate() throws NativeException {
        socket = NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, 0);
    }

    @Deactivate
    synchronized void deactivate() {
        socket.close();
    }

    /** For the sync daemon: a missing IPVS is worth a warning (once per reason). */
    @Override
    public synchronized boolean available() {
        resolveIfDue(true);
        return familyId >= 0;
    }

    /** One line for lvs:status, current: the operator reads the answer, so nothing is logged. */
    synchronized String describe() {
        resolveIfDue(false);
        return familyId >= 0 ? "available (generic netlink family IPVS, id " + familyId + ")"
                : "unavailable: " + unavailable + "; asked again at most every " + RETRY_NANOS / 1_000_000_000L + " s";
    }

    /** The family id, or -1 while the kernel has none (then {@link #unavailableReason()} says why). */
    synchronized int familyIdNow() {
        resolveIfDue(false);
        return familyId;
    }

    synchronized String unavailableReason() {
        return familyId >= 0 ? null : unavailable;
    }

    private void resolveIfDue(boolean warn) {
        if (familyId < 0 && (!attempted || System.nanoTime() - lastAttempt > RETRY_NANOS)) {
            resolve(warn);
        }
    }

    private void resolve(boolean warn) {
        attempted = true;
        lastAttempt = System.nanoTime();
        try {
            int answer = exchange(IpvsMessages.getFamily(++sequence), "CTRL_CMD_GETFAMILY(IPVS)", true);
            familyId = answer;
            LOG.info("IPVS is available (generic netlink family id {})", familyId);
        } catch (NativeException e) {
            familyId = -1;
            String why = e.errno() == Errno.ENOENT
                    ? "the kernel has no IPVS (generic netlink family \"IPVS\" not found; is the ip_vs module loaded?)"
                    : e.getMessage();
            if (warn && !why.equals(warned)) {
                LOG.warn("LVS sync: {}", why);
                warned = why;
            }
            unavailable = why;
        } catch (IOException e) {
            familyId = -1;
            unavailable = e.getMessage();
        }
    }

    @Override
    public synchronized void start(SyncRole role, String interfaceName, int syncId) throws IOException {
        request(IpvsMessages.daemon(familyId(), true, state(role), interfaceName, syncId, ++sequence),
                "IPVS_CMD_NEW_DAEMON(" + role + ", " + interfaceName + ", sync id " + syncId + ")");
    }

    @Override
    public synchronized void stop(SyncRole role) throws IOException {
        request(IpvsMessages.daemon(familyId(), false, state(role), "", 0, ++sequence), "IPVS_CMD_DEL_DAEMON(" + role + ")");
    }

    private int familyId() throws IOException {
        if (!available()) {
            throw new IOException("IPVS unavailable: " + unavailable);
        }
        return familyId;
    }

    private static int state(SyncRole role) {
        return role == SyncRole.MASTER ? IpvsMessages.IP_VS_STATE_MASTER : IpvsMessages.IP_VS_STATE_BACKUP;
    }

    private void request(ByteBuffer message, String call) throws IOException {
        exchange(message, call, false);
    }

    /** Sends one request and reads its answer: the family id for GETFAMILY, else the acknowledgement. */
    private int exchange(ByteBuffer message, String call, boolean family) throws IOException {
        socket.send(message);
        if (socket.receive(reply.clear(), REPLY_TIMEOUT_MILLIS) < 0) {
            throw new IOException(call + ": no answer from the kernel within " + REPLY_TIMEOUT_MILLIS + " ms");
        }
        int answer;
        try {
            answer = family ? IpvsMessages.familyIdOrError(reply) : IpvsMessages.ackError(reply);
        } catch (IpvsMessages.MalformedReply e) {
            throw new IOException(call + ": malformed answer from the kernel: " + e.getMessage());
        }
        if (answer < 0) {
            throw new NativeException(call, -answer);
        }
        return answer;
    }
}
