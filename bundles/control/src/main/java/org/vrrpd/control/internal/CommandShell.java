package org.vrrpd.control.internal;

import java.io.PrintStream;

/** Where a vrrpctl command line runs: the plain Gogo runtime, or Karaf's shell when the daemon runs in Karaf. */
interface CommandShell {
    /** Runs {@code line} in a fresh session; what it prints and the value it returns go to {@code out}. */
    void run(String line, PrintStream out) throws Exception;
}
