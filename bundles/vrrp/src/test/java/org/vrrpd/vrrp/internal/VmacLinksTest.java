package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.NativeException;

public class VmacLinksTest {
    private static final int UP = InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING;
    private static final MacAddress VMAC_51 = MacAddress.parse("00:00:5e:00:01:33");

    /**
     * A kernel and a registry that mirrors it late: links the kernel has reach {@link #interfaces()}
     * only when {@link #catchUp} is called, as netlink broadcasts reach the reflector after the
     * request that caused them is acknowledged.
     */
    private static final class LaggingRegistry implements InterfaceRegistry {
        final Map<String, NetInterface> kernel = new ConcurrentHashMap<>();
        final Map<String, NetInterface> mirrored = new ConcurrentHashMap<>();

        LaggingRegistry() {
            NetInterface eth0 = new NetInterface(2, "eth0", UP, "UP", MacAddress.parse("02:00:00:00:00:01"), 1500, "veth", List.of());
            kernel.put("eth0", eth0);
            mirrored.put("eth0", eth0);
        }

        void catchUp() {
            mirrored.clear();
            mirrored.putAll(kernel);
        }

        @Override
        public Collection<NetInterface> interfaces() {
            return mirrored.values();
        }

        @Override
        public Optional<NetInterface> byName(String name) {
            return Optional.ofNullable(mirrored.get(name));
        }

        @Override
        public boolean addAddress(String interfaceName, InterfaceAddress address) {
            return true;
        }

        @Override
        public boolean removeAddress(String interfaceName, InterfaceAddress address) {
            return true;
        }

        @Override
        public void addMacvlan(String name, String parent, MacAddress mac, String alias) throws IOException {
            if (kernel.containsKey(name)) {
                throw new NativeException("RTM_NEWLINK(macvlan " + name + ")", Errno.EEXIST);
            }
            kernel.put(name, new NetInterface(10 + kernel.size(), name, UP, "UP", mac, 1500, "macvlan", List.of(), 2, alias));
        }
    }

    private final LaggingRegistry registry = new LaggingRegistry();
    /** The event loop, run by the test's thread. */
    private final LinkedBlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
    private final VmacLinks links = new VmacLinks(() -> registry, loop::add, name -> { }, new VmacSysctls(new VmacSysctls.Store() {
        @Override
        public List<String> interfaces() {
            return List.of("all", "default", "eth0");
        }

        @Override
        public String read(String iface, String key) {
            return "0";
        }

        @Override
        public void write(String iface, String key, String value) {
        }
    }));
    private final InstanceSettings vi1 = InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", "51",
            "virtualAddresses", "192.0.2.100/24", "useVmac", "true"));

    private void runLoopTask() throws InterruptedException {
        Runnable task = loop.poll(5, TimeUnit.SECONDS);
        if (task == null) {
            throw new AssertionError("no task reached the loop within 5 s");
        }
        task.run();
    }

    private String fault() {
        return links.fault(vi1, registry.byName("vrrp.51"));
    }

    @Test
    public void aMacvlanTheKernelHasBeforeTheRegistryShowsItIsCheckedWhenItDoesNotFaulted() throws Exception {
        links.want(vi1);
        runLoopTask();
        // an event read against the stale mirror asks for it again: the kernel says EEXIST
        links.interfaceChanged("eth0");
        runLoopTask();
        assertEquals("EEXIST from our own earlier request is no fault", "VMAC vrrp.51 on eth0 is being created", fault());

        registry.catchUp();
        links.interfaceChanged("vrrp.51");
        runLoopTask();
        assertNull("checked as ours once the registry shows it", fault());
        assertEquals(VMAC_51, registry.byName("vrrp.51").orElseThrow().mac());
    }

    @Test
    public void anInterfaceOfThatNameThatIsNotOursIsAFaultOnceSeen() throws Exception {
        registry.kernel.put("vrrp.51", new NetInterface(7, "vrrp.51", UP, "UP", MacAddress.parse("02:00:00:00:00:07"), 1500, "veth", List.of()));
        links.want(vi1);
        runLoopTask();
        assertEquals("VMAC vrrp.51 on eth0 is being created", fault());

        registry.catchUp();
        links.interfaceChanged("vrrp.51");
        runLoopTask();
        assertEquals("VMAC vrrp.51: an interface of that name exists and is not it (veth, MAC 02:00:00:00:00:07, on ifindex 0;"
                + " wanted macvlan 00:00:5e:00:01:33 on eth0)", fault());
    }
}
