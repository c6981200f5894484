package dev.acd.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.model.Direction;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JournalPickupTest {
    private final JournalPickup pickup = new JournalPickup();

    @Test
    void shouldTellTheCallerWhoseCallARepAnsweredMatchingNumbersByDigits() {
        AtomicInteger ava = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        pickup.watch("+19195550117", ava::incrementAndGet);
        pickup.watch("+15551234567", other::incrementAndGet);

        pickup.onEvent(new CallArrived(1, 41, Direction.INBOUND, "sales", "+1 919 555 0117", "+1 212 555 0100", null));
        pickup.onEvent(new CallAnswered(2, 41, "ben.okafor"));
        pickup.onEvent(new CallAnswered(3, 41, "ben.okafor"));

        assertEquals(1, ava.get());
        assertEquals(0, other.get());
    }

    @Test
    void shouldTellNobodyAfterTheCallerStoppedWatching() {
        AtomicInteger told = new AtomicInteger();
        RepPickup.Watch watch = pickup.watch("+19195550117", told::incrementAndGet);
        pickup.onEvent(new CallArrived(1, 7, Direction.INBOUND, "sales", "+19195550117", "+12125550100", null));

        watch.close();
        pickup.onEvent(new CallAnswered(2, 7, "ben.okafor"));
        pickup.onEvent(new CallAbandoned(3, 7));

        assertEquals(0, told.get());
    }
}
