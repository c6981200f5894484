package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallbackRequested;
import dev.acd.sip.media.BuiltInSounds;
import dev.acd.sip.prompt.Fragment;
import dev.acd.sip.prompt.PromptSet;
import dev.acd.sip.prompt.QueueStanding;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a waiting caller hears over RTP: the spoken announcement between the music, sample for sample (PCMU carries
 * the built-in mu-law prompts unchanged), and the spoken goodbye and callback confirmation before our BYE.
 */
class QueueAnnouncementTest {
    private static final long ANNOUNCE_EVERY_MS = 1_000;
    private final Map<Long, QueueStanding> standings = new ConcurrentHashMap<>();
    private Phone trunk;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        trunk = Phone.start(Gateway.TRUNK_HOST);
        gateway = new Gateway(trunk.sipAddress(), CallSounds.builtIn().withStandings(standings::get), ANNOUNCE_EVERY_MS);
    }

    @AfterEach
    void stop() {
        gateway.close();
        trunk.close();
    }

    private long waitingCall() {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = gateway.awaitEvent(CallArrived.class).callId();
        standings.put(callId, new QueueStanding(3, 120));
        await().atMost(Duration.ofSeconds(5)).until(() -> call.finalResponse.isDone() && trunk.remoteRtp() != null);
        assertEquals(200, call.finalResponse.join().statusCode());
        return callId;
    }

    @Test
    void shouldPlayPositionAndExpectedWaitBetweenTheMusicWhenCallerIsThirdWithTwoMinutesToWait() {
        waitingCall();
        short[] spoken = heardAs(Fragment.THANK_YOU_FOR_HOLDING, Fragment.YOU_ARE_CALLER_NUMBER, Fragment.N3,
                Fragment.IN_THE_QUEUE, Fragment.WAIT_IS_ABOUT, Fragment.N2, Fragment.MINUTES);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            int at = HeardPrompts.indexOf(trunk.heard(), spoken);
            return at >= 0 && trunk.heard().length >= at + spoken.length + 2 * 160 + 800;
        });

        short[] heard = trunk.heard();
        int at = HeardPrompts.indexOf(heard, spoken);
        short[] music = HeardPrompts.throughPcmu(BuiltInSounds.holdMusic());
        assertArrayEquals(Arrays.copyOf(music, 160), Arrays.copyOf(heard, 160), "the caller hears music first");
        assertTrue(at >= 8000 * ANNOUNCE_EVERY_MS / 1000 - 160, "the announcement waits its interval, at " + at);
        // the announcement's last frame is padded with silence to 20 ms, then the music starts over
        int musicAgain = (at + spoken.length + 159) / 160 * 160;
        assertArrayEquals(new short[musicAgain - at - spoken.length],
                Arrays.copyOfRange(heard, at + spoken.length, musicAgain), "silence only to the end of the frame");
        assertArrayEquals(Arrays.copyOf(music, 800), Arrays.copyOfRange(heard, musicAgain, musicAgain + 800),
                "then the music again");
    }

    @Test
    void shouldSayGoodbyeInFullBeforeHangingUpWhenTheRouterEndsTheCall() {
        long callId = waitingCall();
        trunk.forget();
        gateway.control.onCommand(new HangUpCall(callId, "max wait reached in queue q-sales"));
        gateway.awaitEvent(CallEnded.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> trunk.events.contains("ended: BYE received"));
        assertTrue(HeardPrompts.indexOf(trunk.heard(), heardAs(Fragment.GOODBYE)) >= 0,
                "\"Sorry, we cannot take your call right now. Goodbye.\" before the BYE");
    }

    @Test
    void shouldOfferACallbackAndConfirmItInWordsWhenCallerPressesOne() throws Exception {
        long callId = waitingCall();
        trunk.forget();
        gateway.control.onCommand(new OfferCallback(callId));
        short[] offer = heardAs(Fragment.CALLBACK_OFFER);
        await().atMost(Duration.ofSeconds(10)).until(() -> HeardPrompts.indexOf(trunk.heard(), offer) >= 0);
        trunk.forget();
        trunk.sendDigit(1);
        gateway.awaitEvent(CallbackRequested.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> trunk.events.contains("ended: BYE received"));
        assertTrue(HeardPrompts.indexOf(trunk.heard(), heardAs(Fragment.CALLBACK_CONFIRMED)) >= 0,
                "\"Thank you. We will call you back soon. Goodbye.\" before the BYE");
    }

    /** The built-in fragments end to end, as the caller hears them over PCMU. */
    private static short[] heardAs(Fragment... fragments) {
        short[] out = new short[0];
        for (Fragment f : fragments) {
            short[] s = PromptSet.builtIn().samples(f);
            out = Arrays.copyOf(out, out.length + s.length);
            System.arraycopy(s, 0, out, out.length - s.length, s.length);
        }
        return HeardPrompts.throughPcmu(out);
    }
}
