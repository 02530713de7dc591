package org.vrrpd.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.After;
import org.vrrpd.lab.NetLab;

/** A namespace lab and a scratch folder for each test, both removed afterwards. */
abstract class LabTest {
    protected final NetLab lab = NetLab.create();
    protected final Path work;

    LabTest(String name) throws IOException {
        work = Files.createTempDirectory(name);
    }

    /** An executable shell script {@code name} in the scratch folder: {@code #!/bin/sh} and {@code body}. */
    Path script(String name, String body) throws IOException {
        Path script = Files.writeString(work.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Reads {@code source} (e.g. a vrrpctl command's output) every 50 ms until it contains every one of
     * {@code expected}; returns what it read last, or fails with {@code what} and that text after {@code timeout}.
     */
    static String awaitContains(String what, Supplier<String> source, Duration timeout, String... expected) throws InterruptedException {
        String[] last = {""};
        try {
            awaitTrue(what, () -> {
                last[0] = source.get();
                return List.of(expected).stream().allMatch(last[0]::contains);
            }, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": not all of " + List.of(expected) + " within " + timeout + " in:\n" + last[0]);
        }
        return last[0];
    }

    /** Runs the vrrpctl command, checks it succeeded and saves its output for jq. */
    Path json(Vrrpd daemon, String... command) {
        NetLab.Result r = daemon.vrrpctl(command).check();
        try {
            Path file = Files.createTempFile(work, "out", ".json");
            Files.writeString(file, r.stdout());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jq's raw output for {@code filter}; jq fails on anything that is not JSON. */
    static String jq(Path file, String filter) {
        return NetLab.host("jq", "-er", filter, file.toString()).check().stdout().strip();
    }

    @After
    public void removeLab() throws Exception {
        lab.close();
        NetLab.deleteRecursively(work);
    }
}
