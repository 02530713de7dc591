package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.auth.internal.AhAuthenticator;
import org.vrrpd.auth.internal.PasswordAuthenticator;
import org.vrrpd.kernel.Ipv4;

/**
 * One advert through the engine's code, received (every RFC 3768 §7.1 check) and sent (encode,
 * auth data, checksum, AH seal), on keepalived's captured adverts. With {@code -prof gc} the
 * gc.alloc.rate.norm column is the allocation per advert; the target is 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdvertPathBenchmark {
    /** keepalived 2.2.7's PASS advert (VRID 51, priority 150, 192.0.2.100, "kaspike1"): IP header and VRRP. */
    private static final String KEEPALIVED_PASS = "45c0002800010000ff701891c0000201e00000122133960101" + "01d7f6c00002646b617370696b6531";
    /** The same with IPSEC-AH. */
    private static final String KEEPALIVED_AH = "45c0004000010000ff3318b6c0000201e000001270040000c000020100000001"
            + "66c44714d16bcab1c07b9cdd2133960102018465c00002640000000000000000";
    private static final byte[] KEY = "kaspike1".getBytes(StandardCharsets.US_ASCII);
    private static final int IP_HEADER = 20;

    private final int[] vips = {Ipv4.parse("192.0.2.100")};
    private final int source = Ipv4.parse("192.0.2.1");
    private InstanceSettings pass;
    private InstanceSettings ah;
    private AuthSession passSession;
    private AuthSession ahReceiver;
    private AuthSession ahSender;
    private ByteBuffer passAdvert;
    private ByteBuffer ahAdvert;
    private ByteBuffer out;

    @Setup
    public void setUp() {
        pass = settings("pass");
        ah = settings("ah");
        passSession = new PasswordAuthenticator().newSession(KEY);
        ahReceiver = new AhAuthenticator().newSession(KEY);
        ahSender = new AhAuthenticator().newSession(KEY);
        passAdvert = ByteBuffer.wrap(HexFormat.of().parseHex(KEEPALIVED_PASS));
        ahAdvert = ByteBuffer.wrap(HexFormat.of().parseHex(KEEPALIVED_AH));
        out = ByteBuffer.allocateDirect(64);
    }

    private static InstanceSettings settings(String authType) {
        return InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "priority", 100,
                "virtualAddresses", "192.0.2.100/24", "authType", authType, "authPassword", "kaspike1"));
    }

    /** The engine's receive path for a PASS advert: offset, VRID, packet checks, password, interval, addresses. */
    @Benchmark
    public Verdict receivePass() {
        int at = VrrpPacket.vrrpOffset(passAdvert, 40);
        VrrpPacket.vrid(passAdvert, at);
        return AdvertChecks.check(passAdvert, 40, at, pass, passSession);
    }

    /** The same for AH: the HMAC-MD5-96 over the datagram dominates (repeats are replays, found after the MAC). */
    @Benchmark
    public Verdict receiveAh() {
        int at = VrrpPacket.vrrpOffset(ahAdvert, 64);
        VrrpPacket.vrid(ahAdvert, at);
        return AdvertChecks.check(ahAdvert, 64, at, ah, ahReceiver);
    }

    /** Building a PASS advert: IP header, VRRP fields and address, password, checksum. */
    @Benchmark
    public ByteBuffer sendPass() {
        VrrpPacket.writeIpHeader(out, 40, 1, VrrpPacket.IP_PROTOCOL, source, Ipv4.VRRP_GROUP);
        VrrpPacket.writeAdvertisement(out, IP_HEADER, 51, 150, 1, 1, vips, 1);
        passSession.writeAuthData(out, IP_HEADER);
        VrrpPacket.sealChecksum(out, IP_HEADER, VrrpPacket.length(1));
        return out;
    }

    /** Building an AH advert: as above behind the AH header, then the next sequence number and the ICV. */
    @Benchmark
    public ByteBuffer sendAh() {
        int at = IP_HEADER + 24;
        VrrpPacket.writeIpHeader(out, 64, 1, VrrpPacket.AH_PROTOCOL, source, Ipv4.VRRP_GROUP);
        VrrpPacket.writeAdvertisement(out, at, 51, 150, 2, 1, vips, 1);
        VrrpPacket.sealChecksum(out, at, VrrpPacket.length(1));
        ahSender.seal(out, IP_HEADER);
        return out;
    }
}
