package org.vrrpd.api.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.List;
import org.junit.Test;

public class JsonWriterTest {
    @Test
    public void writesNestedObjectsIndented() throws Exception {
        String json = new JsonWriter().beginObject()
                .name("name").value("VI_1")
                .name("vrid").value(51)
                .name("up").value(true)
                .name("delayMillis").value(new BigDecimal("1500.5"))
                .name("master").value((InetAddress) null)
                .name("empty").beginArray().endArray()
                .name("list").strings(List.of("a", "b"))
                .endObject().toString();
        assertEquals("{\n  \"name\": \"VI_1\",\n  \"vrid\": 51,\n  \"up\": true,\n  \"delayMillis\": 1500.5,\n  \"master\": null,\n"
                + "  \"empty\": [],\n  \"list\": [\n    \"a\",\n    \"b\"\n  ]\n}", json);
    }

    @Test
    public void escapesQuotesBackslashesAndControlCharacters() {
        String json = new JsonWriter().value("a\"b\\c\nd\te\u0001f\ud800g\ud83d\ude00").toString();
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001f\\ud800g\ud83d\ude00\"", json);
    }

    @Test
    public void printsAddressesAsRfc5952() throws Exception {
        assertEquals("\"2001:db8::1\"", new JsonWriter().value(InetAddress.getByName("2001:0db8:0:0:0:0:0:0001")).toString());
        assertEquals("\"192.0.2.1\"", new JsonWriter().value(InetAddress.getByName("192.0.2.1")).toString());
    }

    @Test
    public void refusesWhatWouldNotBeJson() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value(1));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endArray());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().toString());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
    }
}
