package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The renewal schedule of leased addresses on a hand-driven clock. */
public class LeaseScheduleTest {
    private static final long S = 1_000_000_000L;
    private static final Duration LEASE = Duration.ofSeconds(5);

    private final LeaseSchedule schedule = new LeaseSchedule();

    @Test
    public void theDefaultLeaseOutlivesAnyBackupsMasterDownIntervalByARenewalPeriod() {
        for (int advert = 1; advert <= 255; advert++) {
            long lease = LeaseSchedule.defaultLeaseSeconds(advert) * S;
            long worstMasterDown = Timing.masterDown(2, 1, advert * 100); // priority 1: the longest skew, 255/256 s
            long earliestExpiry = lease - LeaseSchedule.renewalNanos(Duration.ofNanos(lease)); // died just before a renewal
            assertTrue("advert " + advert + ": gone before a backup could take over", earliestExpiry >= worstMasterDown);
        }
        assertEquals(5, LeaseSchedule.defaultLeaseSeconds(1));
        assertEquals(9, LeaseSchedule.defaultLeaseSeconds(2));
        assertEquals(958, LeaseSchedule.defaultLeaseSeconds(255));
    }

    @Test
    public void renewsAFifthOfTheLeaseButNotMoreOftenThanTheKernelChecks() {
        assertEquals(S, LeaseSchedule.renewalNanos(Duration.ofSeconds(5)));
        assertEquals(S, LeaseSchedule.renewalNanos(Duration.ofSeconds(2)));
        assertEquals(12 * S, LeaseSchedule.renewalNanos(Duration.ofSeconds(60)));
    }

    @Test
    public void anOwnerIsDueOnePeriodAfterEachRenewal() {
        assertEquals("nothing leased: no deadline", Long.MAX_VALUE, schedule.nanosUntilDue(0));
        schedule.renewed("VI_1", LEASE, 10 * S);
        assertEquals(S, schedule.nanosUntilDue(10 * S));
        assertEquals("not early", List.of(), schedule.due(11 * S - 1));
        List<LeaseSchedule.Due> due = schedule.due(11 * S);
        assertEquals(1, due.size());
        assertEquals("VI_1", due.get(0).owner());
        assertFalse("on time", due.get(0).lapsed());
        assertEquals("still due until renewed", 0, schedule.nanosUntilDue(11 * S + 5));
        schedule.renewed("VI_1", LEASE, 11 * S);
        assertEquals(S, schedule.nanosUntilDue(11 * S));
        schedule.dropped("VI_1");
        assertEquals(Long.MAX_VALUE, schedule.nanosUntilDue(11 * S));
    }

    @Test
    public void aRenewalLongOverdueKnowsTheLeaseMayHaveRunOut() {
        schedule.renewed("VI_1", LEASE, 0);
        // SIGSTOP for 12 s: the monotonic clock ran on, the worker did not.
        LeaseSchedule.Due due = schedule.due(12 * S).get(0);
        assertTrue(due.lapsed());
        assertEquals(12 * S, due.sinceRenewalNanos());
        LeaseSchedule other = new LeaseSchedule();
        other.renewed("VI_2", LEASE, 0);
        assertFalse("4.9 s after the last renewal it still holds", other.due(4_900_000_000L).get(0).lapsed());
    }

    @Test
    public void aFailedRenewalIsRetriedAPeriodLaterWhileTheLeaseKeepsCounting() {
        schedule.renewed("VI_1", LEASE, 0);
        schedule.retryLater("VI_1", S);
        assertEquals(S, schedule.nanosUntilDue(S));
        schedule.retryLater("VI_1", 2 * S);
        schedule.retryLater("VI_1", 3 * S);
        schedule.retryLater("VI_1", 4 * S);
        assertTrue("five periods without a renewal: the lease has run out", schedule.due(5 * S).get(0).lapsed());
    }

    @Test
    public void ownersAreScheduledApart() {
        schedule.renewed("VI_1", LEASE, 0);
        schedule.renewed("VI_2", Duration.ofSeconds(60), 0);
        assertEquals(List.of("VI_1"), schedule.due(S).stream().map(LeaseSchedule.Due::owner).toList());
        schedule.renewed("VI_1", LEASE, S);
        assertEquals(S, schedule.nanosUntilDue(S));
        assertEquals(List.of("VI_2"), schedule.due(12 * S).stream().map(LeaseSchedule.Due::owner).filter("VI_2"::equals).toList());
    }

    /**
     * Owners leased at scattered moments (a start spreads its first leases over seconds) fall due on
     * the same multiple of the period from their first renewal on: one wake-up and one datagram,
     * not one per phase; none is renewed early, none more than a period after its last renewal.
     */
    @Test
    public void ownersLeasedAtScatteredMomentsAreRenewedTogetherFromTheirFirstRenewal() {
        Map<String, Long> last = new HashMap<>();
        for (int k = 0; k < 100; k++) {
            long at = 10 * S + k * 83 * S / 1000; // over 8.3 s, 83 ms apart
            schedule.renewed("VI_" + k, LEASE, at);
            last.put("VI_" + k, at);
        }
        assertEquals("the first is due at the next whole period", S, schedule.nanosUntilDue(10 * S));
        for (long now = 11 * S; now <= 20 * S; now += S) { // the worker, on time
            assertEquals("none due before the whole second", List.of(), schedule.due(now - 1));
            for (LeaseSchedule.Due d : schedule.due(now)) {
                assertTrue(d.owner() + " renewed within a period", now - last.get(d.owner()) <= S);
                schedule.renewed(d.owner(), LEASE, now + 2_000_000L); // the datagram's 2 ms
                last.put(d.owner(), now + 2_000_000L);
            }
        }
        assertEquals("all together from the first renewal of the last leased", 100, schedule.due(21 * S).size());
    }

    /** A renewal the worker makes late keeps the owner's phase: the next is due on the next multiple of the period. */
    @Test
    public void aLateRenewalKeepsThePhase() {
        schedule.renewed("VI_1", LEASE, 10 * S);
        schedule.renewed("VI_1", LEASE, 11 * S + 30_000_000L); // 30 ms late
        assertEquals(S - 30_000_000L, schedule.nanosUntilDue(11 * S + 30_000_000L));
        schedule.renewed("VI_1", LEASE, 12 * S);
        assertEquals(S, schedule.nanosUntilDue(12 * S));
    }
}
