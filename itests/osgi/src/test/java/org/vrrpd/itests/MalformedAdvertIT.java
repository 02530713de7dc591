package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/**
 * Adverts with one defect each, crafted in a neighbour namespace with a priority that would win
 * if accepted: every one is dropped, counted under its own reason, and the master stays master.
 */
public class MalformedAdvertIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    private static final String ATTACKER = "192.0.2.10";


    public MalformedAdvertIT() throws Exception {
        super("vrrpd-malformed");
    }

    /** Starts one daemon in r1 with {@code auth} lines and a neighbour namespace to send from; returns it as master. */
    private Vrrpd masterWithNeighbour(String... auth) throws Exception {
        String br = lab.bridge("br");
        String r1 = lab.namespace("r1");
        lab.link(br, r1, "eth0", "192.0.2.1/24");
        lab.link(br, lab.namespace("cl"), "eth0", ATTACKER + "/24");
        Vrrpd daemon = Vrrpd.start(lab, r1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, 150, VIP + "/24", auth)));
        daemon.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        return daemon;
    }

    @Test
    public void forgedAndReplayedAhAdvertsAreRejectedAndCounted() throws Exception {
        Vrrpd daemon = masterWithNeighbour("authType = ah", "authPassword = s3cret");
        String attacker = lab.namespaceOf("cl");
        new AdvertInjector(VIP).priority(254).ah("wrong", 2_000_000_000).send(attacker, "eth0", ATTACKER);
        AdvertInjector genuineLow = new AdvertInjector(VIP).priority(100).ah("s3cret", 2_000_000_000);
        genuineLow.send(attacker, "eth0", ATTACKER);
        genuineLow.send(attacker, "eth0", ATTACKER); // the same advert again
        new AdvertInjector(VIP).priority(254).ah("s3cret", 1_999_999_999).send(attacker, "eth0", ATTACKER); // older, would win
        String show = awaitContains("the four AH adverts are counted", () -> daemon.vrrpctl("vrrp:show", "VI_1").check().stdout(),
                Duration.ofSeconds(5), "auth              invalid type 0, type mismatch 0, failures 1, replays 2", ", received 1\n");
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0"));
        assertTrue("the master keeps its address", daemon.holds(VIP));

        new AdvertInjector(VIP).priority(254).ah("s3cret", 2_000_000_001).send(attacker, "eth0", ATTACKER);
        daemon.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2)); // the control: a fresh, genuine one wins
    }

    private static AdvertInjector wellFormed() {
        return new AdvertInjector(VIP).password("s3cret");
    }

    @Test
    public void malformedAdvertsAreDroppedAndCountedAndChangeNothing() throws Exception {
        Vrrpd daemon = masterWithNeighbour("authType = pass", "authPassword = s3cret");
        String attacker = lab.namespaceOf("cl");

        AdvertInjector[] defects = {
            wellFormed().ttl(64),
            wellFormed().version(3),
            wellFormed().claimedCount(3),
            wellFormed().corruptChecksum(),
            wellFormed().interval(2),
            new AdvertInjector(VIP).password("wrong"),
            new AdvertInjector(VIP).authType(0),
            new AdvertInjector(VIP).authType(7),
            wellFormed().claimedCount(255), // a huge address count the packet does not carry
            wellFormed().truncate(30), // cut inside the address list
            wellFormed().truncate(24), // cut inside the VRRP header: no VRID to go by
            wellFormed().vrid(52), // another group
        };
        for (AdvertInjector advert : defects) {
            advert.send(attacker, "eth0", ATTACKER);
        }
        String show = awaitContains("each defect is counted under its reason", () -> daemon.vrrpctl("vrrp:show", "VI_1").check().stdout(),
                Duration.ofSeconds(5), "dropped           ttl 1, version 1, type 0, length 3, checksum 1, interval 1",
                "auth              invalid type 1, type mismatch 1, failures 1");
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0"));
        assertTrue(show, show.contains("master            192.0.2.1"));
        assertTrue("the master keeps its address", daemon.holds(VIP));
        assertTrue("a drop is logged with its reason", daemon.process().awaitOutput("dropped an advert from " + ATTACKER + ": TTL", Duration.ofSeconds(5)));
        awaitContains("what no instance can own is counted too", () -> daemon.vrrpctl("vrrp:list").check().stdout(), Duration.ofSeconds(5),
                "received for no instance here: 1 unreadable, 1 for other VRIDs");
        assertTrue("and logged", daemon.process().awaitOutput("eth0: dropped a datagram of 24 bytes from " + ATTACKER, Duration.ofSeconds(5)));

        // The control: the same injector's well-formed advert does win, so the drops above were the defects.
        new AdvertInjector("192.0.2.99").password("s3cret").send(attacker, "eth0", ATTACKER);
        daemon.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        show = daemon.vrrpctl("vrrp:show", "VI_1").check().stdout();
        assertTrue(show, show.contains("master            " + ATTACKER));
        assertTrue("an address list that differs is counted, then accepted as keepalived does: " + show,
                show.contains("address list      1 mismatches (accepted)"));
        assertEquals(false, daemon.holds(VIP));
    }
}
