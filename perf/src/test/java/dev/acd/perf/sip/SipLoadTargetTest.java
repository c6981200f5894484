package dev.acd.perf.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.acd.core.digest.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short smoke run of the SIPp load scenarios against the load target, so the benchmark cannot rot unnoticed. */
class SipLoadTargetTest {
    @TempDir
    Path dir;

    @Test
    void shouldRegisterEveryGeneratedUserWithDigestWhenSippRunsTheRegisterScenario() throws Exception {
        assumeTrue(sippInstalled(), "sipp (sip-tester) is not installed");
        Path csv = dir.resolve("users.csv");
        try (SipLoadTarget target = SipLoadTarget.start(options(csv))) {
            SippRun.Outcome outcome = runSipp("register-load.xml", target, 20, List.of("-inf", csv.toString()));
            assertEquals(20, outcome.successful(), () -> "registrations: " + outcome + ", " + target.counters());
            assertEquals(0, outcome.failed(), target::counters);
        }
    }

    @Test
    void shouldCompleteBasicCallsWhenSippCallsTheAnsweringUserAgent() throws Exception {
        assumeTrue(sippInstalled(), "sipp (sip-tester) is not installed");
        try (SipLoadTarget target = SipLoadTarget.start(options(null))) {
            SippRun.Outcome outcome = runSipp("call-load.xml", target, 10, List.of("-d", "10"));
            assertEquals(10, outcome.successful(), () -> "calls: " + outcome + ", " + target.counters());
            assertEquals(0, outcome.failed(), target::counters);
        }
    }

    @Test
    void shouldWriteOneSippAuthenticationLinePerUserWhenAskedForTheInjectionFile() throws IOException {
        LoadUsers users = new LoadUsers("perf.acd.example", 3);
        Path csv = dir.resolve("users.csv");
        users.writeSippCsv(csv);
        assertEquals(List.of("SEQUENTIAL", "user0000;[authentication username=user0000 password=pw-user0000];",
                "user0001;[authentication username=user0001 password=pw-user0001];",
                "user0002;[authentication username=user0002 password=pw-user0002];"), Files.readAllLines(csv));
        String a1 = "user0001:perf.acd.example:pw-user0001";
        assertEquals(DigestAlgorithm.MD5.hex(a1), users.find("user0001").orElseThrow().md5Ha1());
    }

    private SipLoadTarget.Options options(Path csv) {
        SipLoadTarget.Options d = SipLoadTarget.Options.defaults();
        return new SipLoadTarget.Options("127.0.0.1", List.of(0), -1, 2, 100, d.realm(), d.algorithms(), 0, csv);
    }

    private SippRun.Outcome runSipp(String scenario, SipLoadTarget target, int calls, List<String> extra)
            throws Exception {
        Path xml = dir.resolve(scenario);
        try (InputStream in = SipLoadDriver.class.getResourceAsStream(scenario)) {
            Files.copy(in, xml);
        }
        InetSocketAddress udp = target.stack().transports().udpAddress(0);
        int port = dev.acd.testkit.FreePorts.udpAndTcp();
        try (SippRun run = SippRun.start(xml, dir.resolve("sipp"), "127.0.0.1:" + udp.getPort(), "u1", port,
                dev.acd.testkit.FreePorts.udpAndTcp(), 50, calls, 20, extra)) {
            return run.await(30);
        }
    }

    private static boolean sippInstalled() {
        for (String path : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!path.isEmpty() && Files.isExecutable(Path.of(path, "sipp"))) {
                return true;
            }
        }
        return false;
    }
}
