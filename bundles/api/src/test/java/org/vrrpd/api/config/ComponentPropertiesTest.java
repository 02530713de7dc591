package org.vrrpd.api.config;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;

public class ComponentPropertiesTest {
    @interface Sample {
        String[] vrrp_instance() default {"*"};

        String notify$();

        int weight() default 0;

        double interval() default 1;

        boolean reverse() default false;

        int rise();
    }

    @Test
    public void mapsNamesAsDsDoesAndTakesTheDefaults() {
        Sample s = ComponentProperties.of(Sample.class, Map.of("vrrp.instance", "VI_1", "notify", "/bin/true", "weight", " -60 "));
        assertArrayEquals(new String[] {"VI_1"}, s.vrrp_instance());
        assertEquals("/bin/true", s.notify$());
        assertEquals(-60, s.weight());
        assertEquals(1.0, s.interval(), 0);
        assertEquals(false, s.reverse());
        assertEquals("no default: a primitive's zero, as DS gives", 0, s.rise());
        assertEquals("a.b_c-d$e", ComponentProperties.key("a_b__c$_$d$$e$"));
    }

    @Test
    public void aValueThatDoesNotConvertIsRefusedByKeyAndValue() {
        Sample s = ComponentProperties.of(Sample.class, Map.of("weight", "heavy", "interval", "1s", "reverse", "yes"));
        assertEquals("weight = heavy rejected: not a whole number", assertThrows(IllegalArgumentException.class, s::weight).getMessage());
        assertEquals("interval = 1s rejected: not a number", assertThrows(IllegalArgumentException.class, s::interval).getMessage());
        assertEquals("reverse = yes rejected: must be true or false", assertThrows(IllegalArgumentException.class, s::reverse).getMessage());
    }

    @Test
    public void aRefusalBecomesKeyValueAndReason() {
        assertEquals(new ConfigProblem("f.cfg", "interval", "0.0", "must be 0.001..3600 seconds"),
                ConfigProblem.fromRejection("f.cfg", "track-script 'true': interval = 0.0 rejected: must be 0.001..3600 seconds"));
        assertEquals(new ConfigProblem("f.cfg", null, null, "unbalanced quote"), ConfigProblem.fromRejection("f.cfg", "unbalanced quote"));
        assertEquals("f.cfg: weight = 300: must be -253..253", new ConfigProblem("f.cfg", "weight", "300", "must be -253..253").toString());
    }
}
