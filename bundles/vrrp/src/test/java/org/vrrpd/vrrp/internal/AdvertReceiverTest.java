package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpState;

/** The receive path in front of the checks: what no instance can own is counted router-wide, the rest per instance. */
public class AdvertReceiverTest {
    private final Timers clock = new Timers() {
        @Override public long now() { return 0; }
        @Override public void schedule(TimerHeap.Timer t, long delay) { }
        @Override public void cancel(TimerHeap.Timer t) { }
    };
    private final AdvertReceiver receiver = new AdvertReceiver(clock);
    private final InterfaceChannel channel = new InterfaceChannel("eth0", 2, false, new RecordingSockets(), receiver, new SendBatches());
    private final VrrpInstance backup = new VrrpInstance(new InstanceHost(clock, null, null, null, null, null),
            InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "priority", 100,
                    "virtualAddresses", "192.0.2.100/24", "authType", "pass", "authPassword", "kaspike1")));

    {
        backup.setAuth(AdvertChecksTest.PASS_OK);
        backup.resume(VrrpState.BACKUP);
        channel.attach(backup);
    }

    @Test
    public void keepalivedsAdvertReachesItsInstance() {
        ByteBuffer advert = VrrpPacketTest.keepalivedAdvert();
        receiver.datagram(channel, advert, advert.limit());
        assertEquals(1, backup.counters.advertisementsReceived);
        assertEquals(new RouterStatistics(0, 0), receiver.statistics());
    }

    @Test
    public void anAdvertForAVridWeDoNotHaveIsAVridError() {
        ByteBuffer advert = VrrpPacketTest.keepalivedAdvert();
        advert.put(21, (byte) 52);
        receiver.datagram(channel, advert, advert.limit());
        assertEquals("vrrpRouterVrIdErrors", new RouterStatistics(0, 1), receiver.statistics());
        assertEquals(0, backup.counters.advertisementsReceived);
    }

    @Test
    public void aDatagramTooShortToTellItsVridIsUnreadable() {
        ByteBuffer advert = VrrpPacketTest.keepalivedAdvert();
        receiver.datagram(channel, advert, 22);
        assertEquals(new RouterStatistics(1, 0), receiver.statistics());
    }

    @Test
    public void aBadAdvertForOurVridIsCountedByItsInstance() {
        ByteBuffer advert = VrrpPacketTest.keepalivedAdvert();
        advert.put(8, (byte) 64); // the IP header's TTL: routed, not from the link
        receiver.datagram(channel, advert, advert.limit());
        assertEquals(1, backup.counters.ipTtlErrors);
        assertEquals(0, backup.counters.advertisementsReceived);
    }
}
