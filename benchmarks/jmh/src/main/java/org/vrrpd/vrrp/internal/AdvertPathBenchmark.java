package org.vrrpd.vrrp.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vrrpd.api.auth.Authenticator;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.auth.internal.AhAuthenticator;
import org.vrrpd.auth.internal.PasswordAuthenticator;
import org.vrrpd.kernel.SendBatch;

/**
 * The engine's advert path, on its real classes, with only the socket calls left out:
 * <ul>
 * <li>receive: {@link AdvertReceiver#datagram} on a direct buffer (as the channel reads it) — VRID
 * demultiplexing, every RFC 3768 §7.1 check, the counters, the instance's classification and
 * transition, and the master-down timer re-armed in the timer heap. A backup hears its master.
 * For AH every advert carries a new sequence number (a pool sealed in advance), so none is a replay.</li>
 * <li>send: the master's advert timer firing from the timer heap — the transition, {@link InstanceHost}
 * sending through the channel (the advert rewritten in its buffer, checksum, AH seal), the timer
 * re-armed — up to the socket, whose send is a no-op here.</li>
 * </ul>
 * With {@code -prof gc} the gc.alloc.rate.norm column is the allocation per advert; the target is 0 B/op.
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
    private static final byte[] KEY = "kaspike1".getBytes(StandardCharsets.US_ASCII);
    private static final int AH_LENGTH = 64;
    /** AH adverts sealed in advance, each with the next sequence number; the receiver starts afresh after the last. */
    private static final int AH_POOL = 1 << 16;

    /** A hand-driven clock over the engine's timer heap. */
    private static final class Clock implements Timers {
        final TimerHeap heap = new TimerHeap();
        long now;

        @Override public long now() { return now; }
        @Override public void schedule(TimerHeap.Timer t, long delay) { heap.schedule(t, now + delay); }
        @Override public void cancel(TimerHeap.Timer t) { heap.cancel(t); }

        /** One turn of the loop: the next timers due, their adverts queued and flushed at the end, as the event loop does. */
        void fireNext() {
            now = heap.nextDeadline();
            turn.open();
            heap.fireDue(now, e -> {
                throw e;
            });
            turn.flush();
        }

        final SendBatches turn = new SendBatches();
    }

    /** Sockets that send nowhere and receive nothing. */
    private static final ChannelSockets NO_SOCKETS = new ChannelSockets() {
        @Override public int[] fds() { return new int[0]; }
        @Override public int receive(int socket, ByteBuffer buffer) { return -1; }
        @Override public void send(ByteBuffer datagram, int destination) { }
        @Override public void setJoined(boolean join) { }
        @Override public void close() { }
    };

    /** Sockets that batch, and send each batch nowhere (the copy into the batch is measured, not the sendmmsg). */
    private static final ChannelSockets BATCHING_NO_SOCKETS = new ChannelSockets() {
        @Override public int[] fds() { return new int[0]; }
        @Override public int receive(int socket, ByteBuffer buffer) { return -1; }
        @Override public void send(ByteBuffer datagram, int destination) { }
        @Override public boolean batches() { return true; }
        @Override public void send(SendBatch batch, SendBatch.Refusal refusal) { batch.clear(); }
        @Override public void setJoined(boolean join) { }
        @Override public void close() { }
    };

    /** Masters on one interface whose adverts fall due together: one turn fires them all into one batch. */
    private static final int BATCHED = 64;

    private static final Descriptors NO_DESCRIPTORS = new Descriptors() {
        @Override public void register(int fd, ReadHandler handler) { }
        @Override public void unregister(int fd) { }
    };

    /** A registry holding one interface that is up, running and addressed. */
    private static final class OneInterface implements InterfaceRegistry {
        private final NetInterface iface;

        OneInterface(String name) {
            try {
                iface = new NetInterface(2, name, InterfaceFlags.IFF_UP | InterfaceFlags.IFF_RUNNING, "UP", null, 1500, "veth",
                        List.of(new InterfaceAddress(InetAddress.getByName("192.0.2.2"), 24, false, name)));
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        @Override public Collection<NetInterface> interfaces() { return List.of(iface); }
        @Override public Optional<NetInterface> byName(String name) { return Optional.of(iface).filter(i -> i.name().equals(name)); }
        @Override public boolean addAddress(String name, InterfaceAddress address) { return true; }
        @Override public boolean leaseAddress(String name, InterfaceAddress address, java.time.Duration lifetime) { return true; }
        @Override public boolean removeAddress(String name, InterfaceAddress address) { return true; }
    }

    private final Clock clock = new Clock();
    private final Map<VrrpInstance, Clock> masterClocks = new HashMap<>();
    private AdvertReceiver receiver;
    private InterfaceChannel passChannel;
    private InterfaceChannel ahChannel;
    private ByteBuffer passAdvert;
    private ByteBuffer ahAdvert;
    private ByteBuffer ahPool;
    private int ahNext;
    private VrrpInstance passBackup;
    private VrrpInstance ahBackup;
    private VrrpInstance passMaster;
    private VrrpInstance ahMaster;
    private List<VrrpInstance> batchedMasters;

    @Setup
    public void setUp() {
        receiver = new AdvertReceiver(clock);
        InstanceHost host = new InstanceHost(clock, null, null, null, null, null); // backups here only classify and re-arm
        passChannel = channel("eth0");
        ahChannel = channel("eth1");
        passBackup = instance(host, "pass", "eth0", 100, VrrpState.BACKUP, new PasswordAuthenticator());
        passChannel.attach(passBackup);
        ahBackup = instance(host, "ah", "eth1", 100, VrrpState.BACKUP, new AhAuthenticator());
        ahChannel.attach(ahBackup);

        passAdvert = ByteBuffer.allocateDirect(40).put(HexFormat.of().parseHex(KEEPALIVED_PASS)).clear();
        ahAdvert = ByteBuffer.allocateDirect(AH_LENGTH);
        ahPool = ByteBuffer.allocateDirect(AH_POOL * AH_LENGTH);
        VrrpInstance sealer = new VrrpInstance(host, settings("ah", "eth1", 150));
        sealer.setAuth(new AhAuthenticator().newSession(KEY));
        for (int i = 0; i < AH_POOL; i++) {
            ahPool.put(sealer.advert(150, 0xc0000201, null)); // from 192.0.2.1 to 224.0.0.18
        }
        passMaster = masters("pass", "eth2", new PasswordAuthenticator(), 1, NO_SOCKETS).get(0);
        ahMaster = masters("ah", "eth3", new AhAuthenticator(), 1, NO_SOCKETS).get(0);
        batchedMasters = masters("pass", "eth4", new PasswordAuthenticator(), BATCHED, BATCHING_NO_SOCKETS);
    }

    private InterfaceChannel channel(String name) {
        InterfaceChannel channel = new InterfaceChannel(name, 2, false, NO_SOCKETS, receiver, clock.turn);
        channel.setPrimary(0xc0000202L); // 192.0.2.2
        return channel;
    }

    private static InstanceSettings settings(String authType, String iface, int priority) {
        return settings(authType, iface, priority, 51);
    }

    private static InstanceSettings settings(String authType, String iface, int priority, int vrid) {
        return InstanceSettings.parse(Map.of("name", "VI_" + iface + "_" + vrid, "interfaceName", iface, "vrid", vrid, "priority", priority,
                "virtualAddresses", "192.0.2.100/24", "authType", authType, "authPassword", "kaspike1"));
    }

    private static VrrpInstance instance(InstanceEffects host, String authType, String iface, int priority, VrrpState state,
                                         Authenticator authenticator) {
        VrrpInstance instance = new VrrpInstance(host, settings(authType, iface, priority));
        instance.setAuth(authenticator.newSession(KEY));
        instance.resume(state);
        return instance;
    }

    /** {@code count} masters (VRIDs 51 on) on one clock of their own, whose adverts go through the engine's channel set on {@code iface} (up). */
    private List<VrrpInstance> masters(String authType, String iface, Authenticator authenticator, int count, ChannelSockets sockets) {
        InstanceRegistry registry = new InstanceRegistry();
        OneInterface interfaces = new OneInterface(iface);
        Clock masterClock = new Clock();
        InterfaceChannels channels = new InterfaceChannels(NO_DESCRIPTORS, masterClock.turn, (name, index, ipv6) -> sockets, receiver, registry,
                () -> interfaces, () -> null, InterfaceChannels.MemberFaults.NONE);
        VipReconciler vips = new VipReconciler(() -> interfaces, (owner, outcomes) -> { });
        InstanceHost host = new InstanceHost(masterClock, channels, vips, null, null, null);
        List<VrrpInstance> masters = new java.util.ArrayList<>();
        for (int k = 0; k < count; k++) {
            VrrpInstance instance = new VrrpInstance(host, settings(authType, iface, 200, 51 + k));
            instance.setAuth(authenticator.newSession(KEY));
            registry.put(instance);
            masters.add(instance);
        }
        channels.refresh(iface);
        for (VrrpInstance instance : masters) {
            masterClocks.put(instance, masterClock);
            instance.resume(VrrpState.MASTER); // re-adds its VIPs once, on the reconciler's thread; from now on it only advertises
            if (instance.state() != VrrpState.MASTER) {
                throw new IllegalStateException(instance.name() + " is " + instance.state() + ": " + instance.faults());
            }
        }
        return masters;
    }

    /** What was measured must have been the accepting path: a dropped advert would measure less. */
    @TearDown
    public void everyAdvertWasAccepted() {
        for (VrrpInstance backup : new VrrpInstance[] {passBackup, ahBackup}) {
            Counters c = backup.counters;
            if (c.authFailures + c.authReplays + c.authTypeMismatch + c.checksumErrors + c.packetLengthErrors != 0) {
                throw new IllegalStateException(backup.name() + " dropped adverts: " + c.snapshot(0));
            }
        }
    }

    @Benchmark
    public long receivePass() {
        receiver.datagram(passChannel, passAdvert, 40);
        return clock.heap.nextDeadline();
    }

    @Benchmark
    public long receiveAh() {
        if (ahNext == AH_POOL) {
            ahNext = 0;
            ahBackup.setAuth(new AhAuthenticator().newSession(KEY)); // a fresh replay window: the pool's numbers are new again
        }
        ahAdvert.put(0, ahPool, ahNext++ * AH_LENGTH, AH_LENGTH); // as the socket would write it into the channel's buffer
        receiver.datagram(ahChannel, ahAdvert, AH_LENGTH);
        return clock.heap.nextDeadline();
    }

    @Benchmark
    public long sendPass() {
        masterClocks.get(passMaster).fireNext();
        return passMaster.counters.advertisementsSent;
    }

    @Benchmark
    public long sendAh() {
        masterClocks.get(ahMaster).fireNext();
        return ahMaster.counters.advertisementsSent;
    }

    /** Per advert: {@value #BATCHED} masters due together, one turn, their adverts copied into one batch and flushed. */
    @Benchmark
    @OperationsPerInvocation(BATCHED)
    public long sendPassBatched() {
        masterClocks.get(batchedMasters.get(0)).fireNext();
        return batchedMasters.get(BATCHED - 1).counters.advertisementsSent;
    }
}
