package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;

/**
 * The FastAGI service under a burst of callers past {@code maxWaitingCalls}, with the manager interface and the
 * recordings watcher on too; closing the adapter must let every waiting caller go and leave no thread behind.
 */
class FastAgiPoolTest {
    private static final int MAX_WAITING = 3;
    private static final int CALLERS = 12;

    @TempDir
    Path dir;

    @Test
    void shouldRefuseWithFullPastMaxWaitingCallsUnderConcurrencyAndLeaveNoThreadAfterClose() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        String asterisk = String.join("\n",
                "asterisk:",
                "  fastagi: { enabled: true, bind: 127.0.0.1, port: {agiPort}, maxWaitingCalls: " + MAX_WAITING + " }",
                "  ami: { enabled: true, host: 127.0.0.1, port: {amiPort}, user: acd, secret: test }",
                "  bringYourOwnQueue: true",
                "  recordingsDirectory: " + dir.resolve("recordings"),
                "");
        RouterFixture center = new RouterFixture(dir, asterisk, new AsteriskRuntime.Tuning(50, "default", 50, 400, 50,
                50));
        FakeAmiServer ami = new FakeAmiServer(center.amiPort);
        List<FakeAsteriskChannel> channels = new ArrayList<>();
        try {
            ami.start();
            await().atMost(10, SECONDS).until(() -> center.asterisk.amiConnected());
            await().atMost(5, SECONDS).ignoreExceptions()
                    .until(() -> { new java.net.Socket("127.0.0.1", center.agiPort).close(); return true; });
            List<Future<?>> routes = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                FakeAsteriskChannel channel = new FakeAsteriskChannel(center.agiPort, "1700000000." + i,
                        "+1 555 010" + i);
                channels.add(channel);
            }
            for (FakeAsteriskChannel channel : channels) {
                routes.add(channel.agi("route?line=sales", "s"));
            }
            await().atMost(10, SECONDS).until(() -> routes.stream().filter(Future::isDone).count()
                    == CALLERS - MAX_WAITING);
            assertEquals(CALLERS - MAX_WAITING, channels.stream().filter(c -> "FULL".equals(c.variable("ACD_STATUS")))
                    .count());
            assertEquals(MAX_WAITING, center.asterisk.calls().size());
            await().atMost(5, SECONDS).until(() -> center.journaled(CallArrived.class).size() >= MAX_WAITING);
            assertEquals(MAX_WAITING, center.journaled(CallArrived.class).size(), "refused calls never reach the router");

            center.asterisk.close();
            for (Future<?> route : routes) {
                route.get(5, SECONDS);
            }
            assertEquals(MAX_WAITING, channels.stream()
                    .filter(c -> "UNAVAILABLE".equals(c.variable("ACD_STATUS"))).count());
            await().atMost(5, SECONDS).until(() -> center.journaled(CallEnded.class).size() == MAX_WAITING);
            // The failure message lists the threads still alive.
            await().atMost(10, SECONDS).until(() -> adapterThreads(before), List::isEmpty);
        } finally {
            for (FakeAsteriskChannel channel : channels) {
                channel.close();
            }
            center.close();
            ami.close();
        }
    }

    /** Live threads started since {@code before}, other than the test's own fake Asterisk and JUnit's. */
    private static List<String> adapterThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                // The fixture's router and journal (Chronicle's) and the JDK's process reaper are not the adapter's.
                .filter(name -> !name.startsWith("fake-a") && !name.startsWith("awaitility")
                        && !name.startsWith("router-pipeline") && !name.contains("~") && !name.equals("process reaper")
                        // JVM-wide pools any library may start on first use
                        && !name.startsWith("ForkJoinPool.commonPool") && !name.equals("Common-Cleaner")
                        // asterisk-java's event pump holds its reader by a weak reference and ends only once the
                        // garbage collector has taken the logged-off connection's reader: not ours to stop
                        && !name.endsWith(":AsyncEventPump"))
                .sorted().toList();
    }
}
