package org.vrrpd.control.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vrrpctl [--run-dir DIR] COMMAND [ARGS...]}: runs one Gogo command in a running daemon,
 * prints its output and exits with its status (0 ok, 1 command failed, 2 no daemon or bad usage).
 */
public final class VrrpCtl {
    private static final String USAGE = "usage: vrrpctl [--run-dir DIR] [--json] COMMAND [ARGS...]   run one command in the daemon, e.g. vrrpctl vrrp:list\n"
            + "       vrrpctl [--run-dir DIR] --help                  this text and the daemon's commands\n"
            + "  --json (-j): JSON output (docs/json.md) from vrrp:list, vrrp:show, iface:list, iface:show, link:status, lvs:status";

    private VrrpCtl() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        String runDir = System.getenv().getOrDefault("VRRPD_RUN_DIR", ControlProtocol.DEFAULT_RUN_DIR);
        if (args.size() >= 2 && args.get(0).equals("--run-dir")) {
            runDir = args.get(1);
            args = args.subList(2, args.size());
        }
        boolean json = !args.isEmpty() && (args.get(0).equals("--json") || args.get(0).equals("-j"));
        if (json) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Path socket = ControlProtocol.socketPath(runDir);
        if (args.get(0).equals("--help") || args.get(0).equals("-h")) {
            return help(socket, out);
        }
        if (!Files.exists(socket)) {
            err.println("vrrpctl: no daemon socket at " + socket + " (is vrrpd running with --run-dir " + runDir + "?)");
            return 2;
        }
        if (json) {
            args = new ArrayList<>(args);
            args.add(1, "--json"); // the commands' own option
        }
        return execute(socket, args, out, err);
    }

    /** The usage, then the running daemon's own commands (they come with its bundles, so only it can list them). */
    private static int help(Path socket, PrintStream out) {
        out.println(USAGE);
        out.println();
        if (!Files.exists(socket)) {
            out.println("(no daemon at " + socket + ": start one, or give its --run-dir, to list its commands)");
            return 0;
        }
        out.println("vrrpd's commands (vrrpctl help COMMAND shows one in Gogo's words; the framework's own,");
        out.println("such as lb, install, update, refresh and uninstall, are listed by vrrpctl help):");
        return execute(socket, List.of("vrrpd:commands"), out, out);
    }

    private static int execute(Path socket, List<String> args, PrintStream out, PrintStream err) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] request = (ControlProtocol.commandLine(args) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(request));
            channel.shutdownOutput();
            byte[] reply = readAll(Channels.newInputStream(channel));
            return print(reply, out, err);
        } catch (IOException e) {
            err.println("vrrpctl: cannot talk to the daemon at " + socket + ": " + e.getMessage());
            return 2;
        }
    }

    private static int print(byte[] reply, PrintStream out, PrintStream err) {
        String text = new String(reply, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        if (!text.startsWith(ControlProtocol.EXIT_PREFIX) || eol < 0) {
            err.println("vrrpctl: malformed reply from the daemon: " + text);
            return 2;
        }
        int status = Integer.parseInt(text.substring(ControlProtocol.EXIT_PREFIX.length(), eol));
        String output = text.substring(eol + 1);
        PrintStream target = status == 0 ? out : err;
        target.print(output);
        if (!output.isEmpty() && !output.endsWith("\n")) {
            target.println();
        }
        target.flush();
        return status;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
