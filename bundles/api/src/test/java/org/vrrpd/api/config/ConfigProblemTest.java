package org.vrrpd.api.config;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ConfigProblemTest {
    private static final ConfigFile FILE = new ConfigFile("etc/org.vrrpd.snmp.cfg", "org.vrrpd.snmp", Map.of("socket", "x"));

    @Test
    public void rulesThatAcceptGiveNoProblem() {
        assertEquals(List.of(), ConfigProblem.underRules(FILE, () -> { }));
    }

    @Test
    public void aRefusalNamesItsKeyValueAndReason() {
        List<ConfigProblem> problems = ConfigProblem.underRules(FILE, () -> {
            throw new IllegalArgumentException("SNMP: socket = x rejected: not an absolute path");
        });
        assertEquals(List.of(new ConfigProblem(FILE.source(), "socket", "x", "not an absolute path")), problems);
    }

    @Test
    public void aRefusalWithoutKeyIsTheFileAsAWhole() {
        List<ConfigProblem> problems = ConfigProblem.underRules(FILE, () -> {
            throw new IllegalArgumentException("no instance named");
        });
        assertEquals("etc/org.vrrpd.snmp.cfg: no instance named", problems.get(0).toString());
    }
}
