package org.vrrpd.control.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.control.client.ControlProtocol;

/**
 * Serves {@code vrrpctl}: a Unix domain socket in the run directory, mode 0600 inside a 0700
 * directory, so only the daemon's own user (and root) can run commands. Never a network port.
 */
@Component(immediate = true)
public class ControlServer {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    /** The best-ranked shell: Karaf's where there is one, Gogo's otherwise. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommandShell shell;

    private ServerSocketChannel server;
    private Path socketPath;
    private Thread acceptor;

    @Activate
    void activate(BundleContext context) throws IOException {
        String runDir = context.getProperty(ControlProtocol.RUN_DIR_PROPERTY);
        Path dir = Path.of(runDir != null ? runDir : ControlProtocol.DEFAULT_RUN_DIR).toAbsolutePath();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socketPath = dir.resolve(ControlProtocol.SOCKET_NAME);
        removeStaleSocket(socketPath);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
        acceptor = new Thread(this::acceptLoop, "vrrpd-control");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("control socket listening at {}", socketPath);
    }

    /** A socket file left by a crashed daemon is removed; one that still answers belongs to a live daemon. */
    private static void removeStaleSocket(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            throw new IOException("another vrrpd is serving " + path + "; give this one its own --run-dir");
        } catch (IOException refused) {
            if (refused.getMessage() != null && refused.getMessage().startsWith("another vrrpd")) {
                throw refused;
            }
            Files.deleteIfExists(path);
        }
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        server.close();
        acceptor.join(2000);
        Files.deleteIfExists(socketPath);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread worker = new Thread(() -> serve(client), "vrrpd-control-client");
                worker.setDaemon(true);
                worker.start();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("control socket accept failed: {}", e.toString());
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String line = readLine(client);
            Reply reply = execute(line);
            byte[] header = (ControlProtocol.EXIT_PREFIX + reply.status + "\n").getBytes(StandardCharsets.UTF_8);
            client.write(ByteBuffer.wrap(header));
            ByteBuffer body = ByteBuffer.wrap(reply.output.getBytes(StandardCharsets.UTF_8));
            while (body.hasRemaining()) {
                client.write(body);
            }
        } catch (IOException e) {
            LOG.warn("control client failed: {}", e.toString());
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (client.read(buf.clear()) > 0) {
            bytes.write(buf.array(), 0, buf.position());
            if (bytes.size() > ControlProtocol.MAX_REQUEST) {
                throw new IOException("command longer than " + ControlProtocol.MAX_REQUEST + " bytes");
            }
            if (buf.array()[buf.position() - 1] == '\n') {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    private record Reply(int status, String output) {
    }

    /** Runs one command line; its output and returned value form the reply. */
    Reply execute(String line) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            try {
                shell.run(line, out);
                return new Reply(0, output.toString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                out.println(e.getMessage() != null ? e.getMessage() : e.toString());
                LOG.info("vrrpctl command failed: {}: {}", line, e.toString());
                return new Reply(1, output.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
