package org.vrrpd.netlink.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.NetInterface;

public class InterfaceModelTest {
    private static InterfaceEvent apply(InterfaceModel model, String captured) {
        InterfaceEvent[] last = {null};
        RtnlCodec.decodeAll(Captured.message(captured), m -> last[0] = model.apply(m));
        return last[0];
    }

    private static InterfaceModel loaded() {
        InterfaceModel model = new InterfaceModel();
        apply(model, "link-eth0");
        apply(model, "addr-192.0.2.1");
        apply(model, "addr-192.0.2.50-secondary");
        apply(model, "addr-2001:db8::1");
        return model;
    }

    @Test
    public void buildsAnInterfaceWithAllItsAddressesInKernelOrder() {
        NetInterface eth0 = loaded().get(3);
        assertEquals("eth0", eth0.name());
        assertEquals(List.of("192.0.2.1/24", "192.0.2.50/24 secondary", "2001:db8:0:0:0:0:0:1/64"),
                eth0.addresses().stream().map(Object::toString).toList());
        assertEquals("192.0.2.1", eth0.primaryIpv4().orElseThrow().getHostAddress());
    }

    @Test
    public void newAddressesGoWhereTheKernelPutsThem() throws Exception {
        List<org.vrrpd.api.net.InterfaceAddress> list = new java.util.ArrayList<>();
        for (String a : new String[] {"192.0.2.1/24", "fe80::1/64", "2001:db8::1/64", "192.0.2.9/24 s", "2001:db8::2/64",
                "198.51.100.1/24", "::1/128"}) {
            String[] parts = a.split("[/ ]");
            var address = new org.vrrpd.api.net.InterfaceAddress(java.net.InetAddress.getByName(parts[0]),
                    Integer.parseInt(parts[1]), parts.length > 2, "eth0");
            list.add(InterfaceModel.insertionPoint(list, address), address);
        }
        assertEquals(List.of("192.0.2.1/24", "198.51.100.1/24", "192.0.2.9/24 secondary", "2001:db8:0:0:0:0:0:2/64",
                "2001:db8:0:0:0:0:0:1/64", "fe80:0:0:0:0:0:0:1/64", "0:0:0:0:0:0:0:1/128"),
                list.stream().map(Object::toString).toList());
    }

    @Test
    public void repeatedMessagesChangeNothing() {
        InterfaceModel model = loaded();
        assertNull(apply(model, "link-eth0"));
        assertNull(apply(model, "addr-192.0.2.50-secondary"));
    }

    @Test
    public void aDeleteReportsBeforeAndAfter() {
        InterfaceModel model = loaded();
        InterfaceEvent event = apply(model, "deladdr-192.0.2.50");
        assertEquals(InterfaceEvent.Kind.CHANGED, event.kind());
        assertEquals(3, event.before().addresses().size());
        assertEquals(2, event.after().addresses().size());
        assertNull("deleting it twice changes nothing", apply(model, "deladdr-192.0.2.50"));
    }

    @Test
    public void addressesOfUnknownLinksAreIgnored() {
        assertNull(apply(new InterfaceModel(), "addr-192.0.2.1"));
    }

    @Test
    public void replacingWithAFreshDumpReportsOnlyRealDifferences() {
        InterfaceModel model = loaded();
        InterfaceModel fresh = loaded();
        apply(fresh, "deladdr-192.0.2.50");
        List<InterfaceEvent> missed = model.replaceWith(fresh);
        assertEquals(1, missed.size());
        assertEquals(2, missed.get(0).after().addresses().size());
        assertTrue(model.replaceWith(loaded()).size() == 1 && model.get(3).addresses().size() == 3);
        assertEquals("identical dumps: nothing to report", 0, model.replaceWith(loaded()).size());
    }
}
