package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.After;
import org.vrrpd.lab.NetLab;

/** A namespace lab and a scratch folder for each test, both removed afterwards. */
abstract class LabTest {
    protected final NetLab lab = NetLab.create();
    protected final Path work;

    LabTest(String name) throws IOException {
        work = Files.createTempDirectory(name);
    }

    @After
    public void removeLab() throws Exception {
        lab.close();
        NetLab.deleteRecursively(work);
    }
}
