package dev.acd.sip.defence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.event.SourceBlocked;
import dev.acd.core.time.ManualClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefenceTest {
    private static final long T0 = 1_795_000_000_000L;

    private final ManualClock clock = new ManualClock(T0);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final DefenceSettings settings = DefenceSettings.DEFAULTS.withFailures(3, 5).withBlockMs(60_000);
    private final Defence defence = new Defence(settings, clock, publisher);

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldBlockASourceAtTheThresholdWithinTheWindowAndPublishTheBlockOnce() {
        InetAddress attacker = ip("203.0.113.9");
        assertFalse(defence.authenticationFailed(attacker, "ava.chen"));
        clock.advance(1_000);
        assertFalse(defence.authenticationFailed(attacker, "ava.chen"));
        assertTrue(defence.admit(attacker));
        clock.advance(1_000);

        assertTrue(defence.authenticationFailed(attacker, "ava.chen"));

        assertFalse(defence.admit(attacker));
        assertFalse(defence.admit(attacker));
        assertFalse(defence.authenticationFailed(attacker, "ava.chen"));
        assertEquals(2, defence.droppedRequests());
        assertEquals(List.of(new SourceBlocked(T0 + 2_000, "203.0.113.9", "ava.chen",
                "3 failed authentications from the address in 60 s", T0 + 62_000)), publisher.of(SourceBlocked.class));
        assertTrue(defence.admit(ip("198.51.100.1")), "another address is not affected");
    }

    @Test
    void shouldUnblockAfterTheBlockTimeAndBlockAgainWithANewEventAfterNewFailures() {
        InetAddress attacker = ip("203.0.113.9");
        for (int i = 0; i < 3; i++) {
            defence.authenticationFailed(attacker, "ava.chen");
        }
        clock.advance(59_999);
        assertFalse(defence.admit(attacker));

        clock.advance(1);
        assertTrue(defence.admit(attacker));
        assertEquals(0, defence.blockedSources());
        assertFalse(defence.authenticationFailed(attacker, "ava.chen"), "the count starts afresh after a block");

        defence.authenticationFailed(attacker, "ava.chen");
        defence.authenticationFailed(attacker, "ava.chen");
        assertFalse(defence.admit(attacker));
        assertEquals(2, publisher.of(SourceBlocked.class).size());
    }

    @Test
    void shouldNotBlockWhenFailuresAreSpreadWiderThanTheWindow() {
        InetAddress phone = ip("192.0.2.10");
        for (int i = 0; i < 10; i++) {
            assertFalse(defence.authenticationFailed(phone, "ava.chen"));
            clock.advance(30_001);
        }
        assertTrue(defence.admit(phone));
        assertTrue(publisher.events.isEmpty());
    }

    @Test
    void shouldBlockEveryFurtherFailingSourceOnceAUserPassedItsThreshold() {
        for (int i = 1; i <= 4; i++) {
            assertFalse(defence.authenticationFailed(ip("198.51.100." + i), "ava.chen"));
        }
        assertTrue(defence.authenticationFailed(ip("198.51.100.5"), "ava.chen"));
        assertTrue(defence.authenticationFailed(ip("198.51.100.6"), "ava.chen"));

        assertFalse(defence.admit(ip("198.51.100.5")));
        assertTrue(defence.admit(ip("198.51.100.1")), "sources that failed before the threshold stay admitted");
        List<SourceBlocked> blocks = publisher.of(SourceBlocked.class);
        assertEquals(2, blocks.size());
        assertEquals("more than 5 failed authentications for user ava.chen in 60 s", blocks.get(0).reason());
        assertFalse(defence.authenticationFailed(ip("198.51.100.7"), "ben.okafor"),
                "another user's failures are counted apart");
    }

    @Test
    void shouldKeepItsTablesBoundedUnderAFloodOfAddressesAndUsers() {
        Defence bounded = new Defence(settings.withLimits(100, 50, 10), clock, publisher);
        for (int i = 0; i < 5_000; i++) {
            bounded.authenticationFailed(ip("10.0." + (i / 250) + "." + (i % 250)), "user" + i);
        }
        assertTrue(bounded.trackedKeys() <= 150, "tracked " + bounded.trackedKeys());
        for (int i = 0; i < 30; i++) {
            InetAddress source = ip("172.16.0." + i);
            for (int n = 0; n < 3; n++) {
                bounded.authenticationFailed(source, null);
            }
            clock.advance(1);
        }
        assertEquals(10, bounded.blockedSources());
        assertFalse(bounded.admit(ip("172.16.0.29")), "the latest block is kept");
        assertTrue(bounded.admit(ip("172.16.0.0")), "the block ending first made way");
    }
}
