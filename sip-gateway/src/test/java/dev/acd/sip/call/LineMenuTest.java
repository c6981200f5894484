package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.MenuChosen;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line's DTMF menu on loopback: the caller's RFC 4733 key picks the queue; no key or wrong keys, the default. */
class LineMenuTest extends TrunkAndAvaTest {
    /** The first 200 ms of the menu line's built-in spoken prompt, as the caller hears it over PCMU. */
    private short[] menuPromptStart() {
        return java.util.Arrays.copyOf(HeardPrompts.throughPcmu(HeardPrompts.drain(
                CallSounds.builtIn().menuPrompt(gateway.model.lines().get(1).menu()))), 1600);
    }

    /** Calls the menu line and waits until it is answered and the prompt plays. */
    private Phone.Call callMenuLine() throws Exception {
        Phone.Call call = trunk.call(Gateway.MENU_NUMBER, gateway.address());
        gateway.awaitEvent(CallArrived.class);
        assertEquals(200, call.finalResponse.get().statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.remoteRtp() != null);
        return call;
    }

    @Test
    void shouldQueueInRenewalsWhenCallerPressesTwo() throws Exception {
        Phone.Call call = callMenuLine();
        // the built-in spoken menu prompt ("please choose an option, press one or two now") reaches the caller first
        short[] promptStart = menuPromptStart();
        await().atMost(Duration.ofSeconds(5)).until(() -> HeardPrompts.indexOf(trunk.heard(), promptStart) >= 0);
        assertEquals(List.of("CallArrived"), gateway.callEventNames(), "nothing is classified before the choice");
        trunk.sendDigit(2);

        MenuChosen chosen = gateway.awaitEvent(MenuChosen.class);
        assertEquals("2", chosen.digit());
        assertEquals("q-renewals", chosen.queueId());
        CallClassified classified = gateway.awaitEvent(CallClassified.class);
        assertEquals("q-renewals", classified.queueId());
        assertEquals("strategic", classified.segment(), "the caller is still looked up in the directory");
        assertEquals(List.of("CallArrived", "MenuChosen", "CallClassified"), gateway.callEventNames());

        // then it is an ordinary waiting call: music, an offer, a bridge
        trunk.forget();
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.heard().length >= 1600);
        gateway.control.onCommand(new OfferCall(chosen.callId(), "rep-ava", Gateway.softphone("ava.chen"), 10));
        assertEquals("rep-ava", gateway.awaitEvent(CallAnswered.class).repId());
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallEnded.class);
    }

    @Test
    void shouldQueueInTheDefaultWhenCallerPressesNothingBeforeTheTimeout() throws Exception {
        callMenuLine();
        MenuChosen chosen = gateway.awaitEvent(MenuChosen.class);
        assertNull(chosen.digit(), "no key: the default");
        assertEquals("q-sales", chosen.queueId());
        assertEquals("q-sales", gateway.awaitEvent(CallClassified.class).queueId());
        assertEquals(List.of("CallArrived", "MenuChosen", "CallClassified"), gateway.callEventNames());
    }

    @Test
    void shouldReplayThePromptOnceThenTakeTheDefaultWhenCallerPressesKeysTheMenuLacks() throws Exception {
        callMenuLine();
        // press once the prompt has begun: its beginning heard after that is the replay
        short[] promptStart = menuPromptStart();
        await().atMost(Duration.ofSeconds(5)).until(() -> HeardPrompts.indexOf(trunk.heard(), promptStart) >= 0);
        trunk.forget();
        trunk.sendDigit(9);
        // the prompt starts over (with a fresh timeout) and the call is not yet classified
        await().atMost(Duration.ofMillis(900)).until(() -> HeardPrompts.indexOf(trunk.heard(), promptStart) >= 0);
        assertEquals(List.of("CallArrived"), gateway.callEventNames());
        trunk.sendDigit(7);

        MenuChosen chosen = gateway.awaitEvent(MenuChosen.class);
        assertNull(chosen.digit());
        assertEquals("q-sales", chosen.queueId());
        assertEquals("q-sales", gateway.awaitEvent(CallClassified.class).queueId());
    }

    @Test
    void shouldPublishAbandonedWithoutClassificationWhenCallerHangsUpInTheMenu() throws Exception {
        Phone.Call call = callMenuLine();
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallAbandoned.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
        // the menu's timer died with the call: no late choice
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> gateway.count(MenuChosen.class) == 0);
        assertEquals(List.of("CallArrived", "CallAbandoned"), gateway.callEventNames());
    }
}
