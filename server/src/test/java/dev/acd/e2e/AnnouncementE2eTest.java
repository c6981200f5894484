package dev.acd.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.config.ConfigLoader;
import dev.acd.core.audio.G711;
import dev.acd.core.event.CallQueued;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.Services;
import dev.acd.sip.prompt.Fragment;
import dev.acd.sip.prompt.PromptSet;
import dev.acd.sipserver.SipService;

/**
 * The announcement through the real server: the router queues two callers, the journal follower learns their
 * places, and each hears its own position over RTP, sample for sample. Nobody has answered a call, so there is no
 * expected wait to tell and the sentence is left out.
 */
class AnnouncementE2eTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void shouldTellEachWaitingCallerItsPlaceAndNoWaitWhenNoCallHasBeenAnswered() throws Exception {
        Path yaml = E2eServer.writeConfig(dir, E2eServer.Options.defaults());
        Files.writeString(yaml, Files.readString(yaml).replace("noMediaTimeoutSeconds: 600 }",
                "noMediaTimeoutSeconds: 600, announceIntervalSeconds: 1 }"));
        try (AcdServer server = AcdServer.start(ConfigLoader.load(yaml),
                new JournalSettings(dir.resolve("journal"), 0), Clock.SYSTEM, PipelineSettings.DEFAULT)) {
            Services.startAll(server);
            InetSocketAddress sip = server.service(SipService.class).orElseThrow().udpAddress();
            try (TestPhone first = TestPhone.start("127.0.0.1"); TestPhone second = TestPhone.start("127.0.0.1")) {
                second.callerUser = "+15557770002";
                assertEquals(200, first.call(E2eServer.SALES_NUMBER, sip).finalResponse.get(10, TimeUnit.SECONDS)
                        .statusCode());
                await().atMost(LIMIT).until(() -> queued(server) == 1);
                assertEquals(200, second.call(E2eServer.SALES_NUMBER, sip).finalResponse.get(10, TimeUnit.SECONDS)
                        .statusCode());
                await().atMost(LIMIT).until(() -> queued(server) == 2);

                short[] secondInLine = heardAs(Fragment.THANK_YOU_FOR_HOLDING, Fragment.YOU_ARE_CALLER_NUMBER,
                        Fragment.N2, Fragment.IN_THE_QUEUE);
                short[] firstInLine = heardAs(Fragment.THANK_YOU_FOR_HOLDING, Fragment.YOU_ARE_CALLER_NUMBER,
                        Fragment.N1, Fragment.IN_THE_QUEUE);
                short[] silence = new short[160];
                await().atMost(LIMIT).until(() -> followedBySilence(second.heard(), secondInLine, silence));
                await().atMost(LIMIT).until(() -> followedBySilence(first.heard(), firstInLine, silence));
            }
        }
    }

    private static long queued(AcdServer server) {
        return E2eServer.readAll(server.journal()).stream().filter(CallQueued.class::isInstance).count();
    }

    /**
     * Whether {@code heard} holds {@code spoken} followed by silence up to the end of its frame, i.e. nothing was
     * spoken after it (no wait sentence) before the music came back.
     */
    private static boolean followedBySilence(short[] heard, short[] spoken, short[] silence) {
        int at = indexOf(heard, spoken);
        if (at < 0) {
            return false;
        }
        int end = at + spoken.length;
        int frameEnd = (end + 159) / 160 * 160;
        return heard.length >= frameEnd && Arrays.equals(Arrays.copyOfRange(heard, end, frameEnd),
                Arrays.copyOf(silence, frameEnd - end));
    }

    /** The built-in fragments end to end, as a caller hears them over PCMU. */
    private static short[] heardAs(Fragment... fragments) {
        short[] out = new short[0];
        for (Fragment f : fragments) {
            short[] s = PromptSet.builtIn().samples(f);
            int at = out.length;
            out = Arrays.copyOf(out, at + s.length);
            for (int i = 0; i < s.length; i++) {
                out[at + i] = G711.ulawToLinear(G711.linearToUlaw(s[i]));
            }
        }
        return out;
    }

    private static int indexOf(short[] heard, short[] wanted) {
        outer:
        for (int start = 0; start + wanted.length <= heard.length; start++) {
            for (int i = 0; i < wanted.length; i++) {
                if (heard[start + i] != wanted[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
