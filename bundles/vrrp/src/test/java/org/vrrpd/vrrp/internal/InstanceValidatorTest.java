package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;

public class InstanceValidatorTest {
    private final InstanceValidator validator = new InstanceValidator();

    private static ConfigFile file(String source, String name, String ifname, String vrid, String... more) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("name", name, "interfaceName", ifname, "vrid", vrid,
                "virtualAddresses", "192.0.2.100/24"));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return new ConfigFile(source, InstanceSettings.FACTORY_PID, p);
    }

    @Test
    public void aBadValueIsOneProblemByKeyValueAndReason() {
        assertEquals(List.of(), validator.check(file("a.cfg", "VI_1", "eth0", "51")));
        assertEquals(List.of(new ConfigProblem("a.cfg", "priority", "999", "must be 1..255")),
                validator.check(file("a.cfg", "VI_1", "eth0", "51", "priority", "999")));
        assertEquals(List.of(new ConfigProblem("a.cfg", "vrid", "(missing)", "required")),
                validator.check(new ConfigFile("a.cfg", InstanceSettings.FACTORY_PID, Map.of("name", "VI_1", "interfaceName", "eth0"))));
    }

    @Test
    public void aVridIsOncePerFamilyOnAnInterface() {
        List<ConfigProblem> problems = validator.checkTogether(List.of(file("a.cfg", "VI_1", "eth0", "51"),
                file("b.cfg", "V6_1", "eth0", "51", "version", "3", "virtualAddresses", "2001:db8::100/64"),
                file("c.cfg", "V6_2", "eth0", "51", "version", "3", "virtualAddresses", "2001:db8::101/64")));
        assertEquals("IPv4 and IPv6 virtual routers are separate (RFC 5798)",
                List.of(new ConfigProblem("c.cfg", "vrid", "51", "instance V6_1 already uses it on eth0 for IPv6 (b.cfg)")), problems);
    }

    @Test
    public void aLaterFileTakingAnEarlierOnesNameOrVridIsAtFault() {
        List<ConfigProblem> problems = validator.checkTogether(List.of(file("a.cfg", "VI_1", "eth0", "51"), file("b.cfg", "VI_1", "eth1", "52"),
                file("c.cfg", "VI_3", "eth0", "51"), file("d.cfg", "VI_4", "eth1", "51"), file("e.cfg", "VI_5", "eth0", "999")));
        assertEquals(List.of(new ConfigProblem("b.cfg", "name", "VI_1", "another configuration already uses it (a.cfg)"),
                new ConfigProblem("c.cfg", "vrid", "51", "instance VI_1 already uses it on eth0 (a.cfg)")), problems);
    }
}
