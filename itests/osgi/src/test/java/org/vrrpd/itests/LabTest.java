package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.vrrpd.lab.NetLab;

/** A namespace lab and a scratch folder for each test, both removed afterwards. */
abstract class LabTest {
    protected final NetLab lab = NetLab.create();
    protected final Path work;

    LabTest(String name) throws IOException {
        work = Files.createTempDirectory(name);
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

    @After
    public void removeLab() throws Exception {
        lab.close();
        NetLab.deleteRecursively(work);
    }
}
