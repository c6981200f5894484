package dev.acd.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.acd.core.event.Event;
import dev.acd.testkit.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the end-to-end tests with SIPp share: one server per test in its own folder, and everything a test opens
 * (SIPp, phones) closed after it, newest first, before the server.
 */
abstract class SippE2eTest {
    static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    E2eServer acd;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void needsSipp() {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester)");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (acd != null) {
            acd.close();
        }
    }

    <T extends AutoCloseable> T closing(T c) {
        open.add(c);
        return c;
    }

    void start(E2eServer.Options options) throws Exception {
        acd = E2eServer.start(dir, options);
    }

    /** Waits for a journaled event; on timeout the failure shows what the open SIPp processes saw. */
    void awaitJournaled(Predicate<Event> what) {
        acd.awaitJournaled(what, LIMIT, open.toArray());
    }

    /** The journal's events of the given types, in order (see {@link E2eServer#life}). */
    List<String> life(Class<?>... types) {
        return acd.life(types);
    }
}
