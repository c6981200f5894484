package dev.acd.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpPortPoolTest {
    @Test
    void shouldHandOutEvenPortsUntilTheRangeIsUsedUp() {
        RtpPortPool pool = new RtpPortPool(30000, 30005);
        assertEquals(3, pool.capacity());
        assertEquals(30000, pool.acquire());
        assertEquals(30002, pool.acquire());
        assertEquals(30004, pool.acquire());
        assertEquals(-1, pool.acquire());
    }

    @Test
    void shouldReuseAReleasedPortOnlyAfterTheOthers() {
        RtpPortPool pool = new RtpPortPool(30000, 30005);
        int first = pool.acquire();
        pool.release(first);
        assertEquals(30002, pool.acquire());
        assertEquals(30004, pool.acquire());
        assertEquals(first, pool.acquire());
    }

    @Test
    void shouldRefuseToReleaseAPortThatIsNotInUse() {
        RtpPortPool pool = new RtpPortPool(30000, 30005);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.release(30002));
        assertTrue(e.getMessage().contains("30002"), e.getMessage());
    }

    @Test
    void shouldNameTheRangeWhenItStartsOnAnOddPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RtpPortPool(30001, 30010));
        assertTrue(e.getMessage().contains("30001-30010"), e.getMessage());
    }
}
