package dev.acd.sipserver;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.awaitility.core.ConditionTimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.acd.core.event.RepReachable;
import dev.acd.sip.registrar.Binding;
import dev.acd.sip.transport.SipTransport;
import dev.acd.testkit.FreePorts;

/**
 * A real softphone, baresip (Debian package baresip), registers with the demo configuration and credentials over UDP
 * and over TCP. Debian's baresip 1.0 (libre) gives up with "Function not implemented" when any challenge names an
 * algorithm other than MD5, which is why the demo offers MD5 only. Skipped when baresip is not installed.
 */
class BaresipRegistrationTest {
    @TempDir
    Path dir;

    private SipServerHarness acd;
    private Process baresip;

    @BeforeAll
    static void needsBaresip() {
        assumeTrue(onPath("baresip"), "baresip is not installed (Debian package baresip; .ci/run installs it)");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (baresip != null) {
            baresip.destroyForcibly();
            baresip.waitFor(5, TimeUnit.SECONDS);
        }
        if (acd != null) {
            acd.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void shouldRegisterBaresipWithTheDemoCredentials(SipTransport transport) throws Exception {
        acd = SipServerHarness.start(dir, UnaryOperator.identity());
        InetSocketAddress registrar = acd.address(transport);
        Path config = baresipConfig(dir.resolve("baresip"), registrar, transport.name().toLowerCase(Locale.ROOT));
        baresip = new ProcessBuilder("baresip", "-f", config.toString(), "-t", "60")
                .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();

        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !acd.journaled(RepReachable.class).isEmpty()
                    || !baresip.isAlive() || log().contains("reg: "));
        } catch (ConditionTimeoutException e) {
            // reported below, with baresip's log
        }
        assertTrue(!acd.journaled(RepReachable.class).isEmpty(), "baresip did not register:\n" + log());
        RepReachable reachable = acd.journaled(RepReachable.class).get(0);
        assertEquals(SipServerHarness.USER, reachable.repId());
        List<Binding> bindings = acd.sip.registrar().bindingsOf(SipServerHarness.USER);
        assertEquals(1, bindings.size(), bindings.toString());
        assertEquals(transport, bindings.get(0).transport());
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("baresip.log"), StandardCharsets.ISO_8859_1);
    }

    /** A config directory for baresip: no audio device, G.711 only, one account on our registrar. */
    static Path baresipConfig(Path dir, InetSocketAddress registrar, String transport) throws IOException {
        Files.createDirectories(dir);
        String listen = "127.0.0.1:" + FreePorts.udpAndTcp();
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen " + listen,
                "module_path /usr/lib/baresip/modules",
                "module_app account.so",
                "module g711.so",
                "audio_player nil",
                "audio_source nil",
                "audio_alert nil",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accounts"), "<sip:" + SipServerHarness.USER + "@"
                + registrar.getAddress().getHostAddress() + ":" + registrar.getPort() + ";transport=" + transport
                + ">;auth_pass=" + SipServerHarness.PASSWORD + ";regint=60\n", StandardCharsets.UTF_8);
        return dir;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
