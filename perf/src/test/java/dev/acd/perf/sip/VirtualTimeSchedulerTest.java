package dev.acd.perf.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeSchedulerTest {
    @Test
    void shouldRunDueTasksInDueOrderAndSkipCancelledOnesWhenTimeMoves() {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
        List<String> ran = new ArrayList<>();
        scheduler.schedule(5, () -> ran.add("J"));
        scheduler.schedule(2, () -> ran.add("E"));
        scheduler.schedule(3, () -> ran.add("cancelled")).cancel();
        scheduler.advanceMicros(2_500);
        assertEquals(List.of("E"), ran);
        scheduler.advanceMicros(2_500);
        assertEquals(List.of("E", "J"), ran);
        assertEquals(2, scheduler.fired());
    }
}
