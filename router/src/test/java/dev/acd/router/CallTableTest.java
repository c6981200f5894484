package dev.acd.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.acd.core.model.Direction;

class CallTableTest {
    @Test
    void shouldBehaveLikeAMapOverRandomPutsAndRemovesThroughGrowthAndCollisions() {
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            CallTable table = new CallTable();
            Map<Long, CallState> expected = new HashMap<>();
            // Few distinct keys in a narrow range make long probe runs; many operations force growth.
            long keySpace = 50 + random.nextInt(5_000);
            for (int op = 0; op < 20_000; op++) {
                long key = random.nextInt((int) keySpace) * (random.nextBoolean() ? 1 : 1024L);
                if (random.nextInt(3) == 0) {
                    assertSame(expected.remove(key), table.remove(key), "remove " + key);
                } else {
                    CallState call = new CallState(key, Direction.INBOUND);
                    expected.put(key, call);
                    table.put(key, call);
                }
                assertSame(expected.get(key), table.get(key));
            }
            assertEquals(expected.size(), table.size());
            for (Map.Entry<Long, CallState> entry : expected.entrySet()) {
                assertSame(entry.getValue(), table.get(entry.getKey()));
            }
            assertEquals(expected.keySet(), table.values().stream().map(c -> c.callId).collect(Collectors.toSet()));
        }
    }
}
