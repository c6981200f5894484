package dev.acd.sip.call;

import dev.acd.testkit.Tones;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.Party;
import dev.acd.core.model.Direction;
import dev.acd.sip.message.SipMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reps' calls out through the trunk: digest, dial rules, the trunk leg, bridge and hang-up. */
class OutboundCallTest extends TrunkAndAvaTest {
    @Test
    void shouldChallengeThenDialTrunkWithCallerIdAndBridgeWhenRepDialsANumber() throws Exception {
        Phone.Call call = ava.callWithDigest(Gateway.KNOWN_CALLER, gateway.address(), "ava.chen");
        SipMessage ok = call.finalResponse.get(5, TimeUnit.SECONDS);
        assertEquals(200, ok.statusCode());
        assertTrue(ava.events.contains("provisional 180"), ava.events.toString());

        CallArrived arrived = gateway.awaitEvent(CallArrived.class);
        assertEquals(Direction.OUTBOUND, arrived.direction());
        assertEquals("rep-ava", arrived.repId());
        assertEquals(Gateway.KNOWN_CALLER, arrived.to());
        assertEquals("+15550199", arrived.from());
        assertNull(arrived.lineId());
        CallClassified classified = gateway.awaitEvent(CallClassified.class);
        assertEquals("strategic", classified.segment());
        assertNull(classified.queueId());
        assertEquals("rep-ava", gateway.awaitEvent(CallAnswered.class).repId());

        await().atMost(Duration.ofSeconds(5)).until(() -> !trunk.dialogs.isEmpty() && trunk.remoteRtp() != null);
        trunk.forget();
        ava.forget();
        trunk.sendTone(1000, 60);
        ava.sendTone(2000, 60);
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(ava.heard(), 4000, 1000, 2000));
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(trunk.heard(), 4000, 2000, 1000));

        trunk.hangUp(trunk.dialogs.get(0));
        CallEnded ended = gateway.awaitEvent(CallEnded.class);
        assertEquals(Party.CUSTOMER, ended.endedBy());
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("ended: BYE received"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered", "CallEnded", "RecordingReady"),
                gateway.callEventNames());
    }

    @Test
    void shouldRefuseWith403NamingTheRuleWhenNumberIsDenied() throws Exception {
        Phone.Call call = ava.callWithDigest("+19005550123", gateway.address(), "ava.chen");
        SipMessage refused = call.finalResponse.get(5, TimeUnit.SECONDS);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.toString().contains("dial rule 1"), refused.toString());
        assertTrue(gateway.callEventNames().isEmpty());
        assertTrue(trunk.events.isEmpty(), "nothing reached the trunk: " + trunk.events);
    }

    @Test
    void shouldChallengeAgainWhenCredentialsAreWrong() throws Exception {
        Phone.Call call = ava.call("+15551230000", gateway.address(), "Proxy-Authorization: Digest username=\"ava.chen\", "
                + "realm=\"larkspur.example\", nonce=\"forged\", uri=\"sip:x@y\", response=\"00\", algorithm=SHA-256, "
                + "qop=auth, nc=00000001, cnonce=\"c\"");
        assertEquals(407, call.finalResponse.get(5, TimeUnit.SECONDS).statusCode());
        assertTrue(gateway.callEventNames().isEmpty());
    }
}
