package dev.acd.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SIPp harness itself, with SIPp on both ends: the caller and answering-phone scenarios complete a call. */
class SippTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSipp() {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester; .ci/run installs it)");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldCompleteCallsBetweenTheCallerAndTheAnsweringScenario(Sipp.Transport transport) {
        try (Sipp phone = Sipp.scenario("uas-answer").transport(transport).calls(3, 10).start(dir)) {
            InetSocketAddress phoneAddress = new InetSocketAddress("127.0.0.1", phone.localPort());
            phone.awaitListening(Duration.ofSeconds(10));
            try (Sipp caller = Sipp.scenario("uac-call").transport(transport).remote(phoneAddress)
                    .service("rep").calls(3, 10).start(dir)) {
                Sipp.Result called = caller.await(Duration.ofSeconds(30));
                assertTrue(called.allSucceeded(), called.toString());
                assertEquals(3, called.successfulCalls(), called.toString());
            }
            Sipp.Result answered = phone.await(Duration.ofSeconds(30));
            assertTrue(answered.allSucceeded(), answered.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldReportFailureWhenNobodyAnswers(Sipp.Transport transport) {
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", FreePorts.udpAndTcp());
        try (Sipp caller = Sipp.scenario("options-ping").transport(transport).remote(nobody)
                .timeout(Duration.ofSeconds(3)).start(dir)) {
            Sipp.Result result = caller.await(Duration.ofSeconds(20));
            assertFalse(result.allSucceeded(), result.toString());
        }
    }
}
