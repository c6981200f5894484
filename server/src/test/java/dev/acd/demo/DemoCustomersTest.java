package dev.acd.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.config.DailyProfile;
import dev.acd.config.Distribution;
import dev.acd.config.SimulationSettings;
import dev.acd.core.model.Line;
import dev.acd.core.model.LineMenu;
import dev.acd.sip.transport.SipTransport;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoCustomersTest {
    private static final Line SALES = new Line("sales", "+1 212 555 0100", "Sales", "sales");
    private static final List<String> DIRECTORY = List.of("+1 919 555 0117");

    private final TestTrunkServer server = new TestTrunkServer();
    private DemoCustomers customers;

    @AfterEach
    void closeEverything() {
        if (customers != null) {
            customers.close();
        }
        server.close();
    }

    /** No arrivals of their own (tests place calls); patience and talk time as given, in seconds. */
    private static SimulationSettings traffic(double patienceMeanSeconds, double talkSeconds) {
        return new SimulationSettings(3, Map.of(), DailyProfile.FLAT, Distribution.fixed(talkSeconds),
                Distribution.fixed(1), 0, 0, Distribution.fixed(1), 0, 0, 0, 0, patienceMeanSeconds, Map.of(), Map.of(),
                LocalTime.of(8, 0), LocalTime.of(19, 0));
    }

    private DemoCustomers start(SimulationSettings traffic, RepPickup pickup) {
        int rtp = DemoRepsTest.rtpBase();
        customers = DemoCustomers.start(new DemoCustomers.Settings(server.network.stack().localAddress(
                SipTransport.UDP), traffic, new Pace(1), 17, rtp, rtp + 19), List.of(SALES), DIRECTORY, pickup);
        return customers;
    }

    @Test
    void shouldDialTheLineNumberAndAbandonWhenPatienceRunsOutBeforeARepPicksUp() {
        start(traffic(0.2, 1_000), RepPickup.NEVER);

        customers.call(SALES);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.endings.size() == 1);
        assertEquals("BYE received", server.endings.get(0));
        assertTrue(server.requestUris.get(0).startsWith("sip:+12125550100@127.0.0.1:"), server.requestUris.toString());
        String caller = server.callers.get(0);
        assertTrue(caller.startsWith("sip:+1919555011") || caller.startsWith("sip:+1555"), caller);
        await().atMost(Duration.ofSeconds(5)).until(() -> customers.stats().abandoned() == 1);
        DemoCustomers.Stats stats = customers.stats();
        assertEquals(1, stats.placed());
        assertEquals(1, stats.answeredByServer());
        assertEquals(0, stats.pickedUp());
    }

    @Test
    void shouldPressOneOfTheMenusKeysWhenTheLineHasAMenu() {
        Line menuLine = new Line("sales", "+1 212 555 0100", "Sales", "sales",
                new LineMenu(null, 4, "sales", Map.of("1", "sales", "2", "renewals")));
        start(traffic(1_000, 1_000), RepPickup.NEVER);

        // one call: the test trunk blocks its SIP loop while binding an RTP port, which may be on that same loop
        customers.call(menuLine);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.media.size() == 1);
        // the caller presses one, and only one, of the menu's keys
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.media.get(0).keysHeard().isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> server.media.get(0).keysHeard().length() == 1);
        assertTrue(server.media.get(0).keysHeard().matches("[12]"), server.media.get(0).keysHeard());
    }

    @Test
    void shouldTalkOnceARepPicksUpAndStayUntilTheFarEndHangsUp() {
        AtomicReference<Runnable> pickUp = new AtomicReference<>();
        start(traffic(1_000, 1_000), (number, onPickedUp) -> {
            pickUp.set(onPickedUp);
            return () -> {
            };
        });

        customers.call(SALES);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.dialogs.size() == 1 && pickUp.get() != null);
        pickUp.get().run();
        // the far end leads, the customer answers it: voice both ways
        await().atMost(Duration.ofSeconds(20)).until(() -> server.voiceFramesHeard() > 10
                && customers.stats().voiceFramesHeard() > 10);
        server.network.stack().core().bye(server.dialogs.get(0));

        await().atMost(Duration.ofSeconds(10)).until(() -> customers.stats().endedByServer() == 1);
        assertEquals(1, customers.stats().pickedUp());
        assertEquals(0, customers.stats().abandoned());
    }

    @Test
    void shouldHangUpAfterItsTalkTimeOnceARepPickedUp() {
        start(traffic(1_000, 0.3), (number, onPickedUp) -> {
            onPickedUp.run();
            return () -> {
            };
        });

        customers.call(SALES);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.endings.size() == 1);
        assertEquals("BYE received", server.endings.get(0));
        assertEquals(1, customers.stats().hungUp());
        assertEquals(0, customers.stats().abandoned());
    }
}
