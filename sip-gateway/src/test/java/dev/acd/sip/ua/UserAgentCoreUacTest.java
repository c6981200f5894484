package dev.acd.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogState;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.ManualScheduler;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** The UAC side of the UA core: our INVITE, its responses, ACKs, CANCEL and in-dialog requests. */
class UserAgentCoreUacTest {
    private static final InetSocketAddress BOB = new InetSocketAddress("192.0.2.20", 5070);

    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingNetwork network = new RecordingNetwork();
    private final UserAgentCore core = new UserAgentCore(network);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULTS, clock, core);
    private final List<String> events = new ArrayList<>();
    private final List<Dialog> answered = new ArrayList<>();
    private final InviteListener listener = new InviteListener() {
        @Override
        public void onProvisional(ClientInvite invite, SipMessage response, Dialog early) {
            events.add("provisional " + response.statusCode() + (early == null ? "" : " early"));
        }

        @Override
        public void onAnswered(ClientInvite invite, SipMessage response, Dialog dialog) {
            events.add("answered");
            answered.add(dialog);
        }

        @Override
        public void onFailed(ClientInvite invite, SipMessage response) {
            events.add("failed " + (response == null ? "timeout" : response.statusCode()));
        }

        @Override
        public void onTerminated(Dialog dialog, String reason) {
            events.add("terminated: " + reason);
        }
    };

    private SipMessage newInvite() {
        try {
            return core.newRequest("INVITE", SipFactories.addresses().createURI("sip:bob@192.0.2.20:5070"),
                    SipFactories.addresses().createAddress("sip:alice@192.0.2.1"),
                    SipFactories.addresses().createAddress("sip:bob@192.0.2.20:5070"), SipTransport.UDP);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private ClientInvite call(SipMessage invite) {
        return core.invite(layer, invite, new NextHop(SipTransport.UDP, BOB), listener);
    }

    /** A response from Bob with his Contact; {@code tag} null keeps the generated one. */
    private static SipMessage response(SipMessage invite, int status, String tag, String... recordRoutes) {
        SipMessage r = SipResponses.create(invite, status, null);
        if (tag != null) {
            r = Msgs.withToTag(r, tag);
        }
        for (String rr : recordRoutes) {
            Msgs.withHeader(r, "Record-Route", rr);
        }
        Msgs.withHeader(r, "Contact", "<sip:bob@192.0.2.20:5070>");
        return Msgs.reparse(r);
    }

    @Test
    void shouldAckA2xxWithANewBranchAndTheSameCSeqAndAckEachRetransmissionAgain() {
        SipMessage invite = newInvite();
        call(invite);
        SipMessage ok = response(invite, 200, "bob1");

        layer.receiveResponse(ok);
        layer.receiveResponse(ok);

        List<RecordingNetwork.Sent> acks = network.requests("ACK");
        assertEquals(2, acks.size());
        SipMessage ack = acks.get(0).message();
        assertNotEquals(invite.branch(), ack.branch());
        assertTrue(ack.hasRfc3261Branch());
        assertEquals(invite.cseqNumber(), ack.cseqNumber());
        assertEquals("ACK", ack.cseqMethod());
        assertEquals("bob1", ack.toTag());
        assertEquals("sip:bob@192.0.2.20:5070", ((Request) ack.raw()).getRequestURI().toString());
        assertSame(ack, acks.get(1).message());
        assertEquals(List.of("answered"), events);
    }

    @Test
    void shouldLeaveTheAckOfANon2xxToTheTransaction() {
        SipMessage invite = newInvite();
        call(invite);

        layer.receiveResponse(response(invite, 486, "bob1"));

        List<RecordingNetwork.Sent> acks = network.requests("ACK");
        assertEquals(1, acks.size());
        assertEquals(invite.branch(), acks.get(0).message().branch(), "the transaction's ACK reuses the branch");
        assertEquals(List.of("failed 486"), events);
        assertEquals(0, core.dialogCount());
    }

    @Test
    void shouldMakeAnEarlyDialogFromA1xxWithATagAndConfirmItOnThe2xx() {
        SipMessage invite = newInvite();
        call(invite);

        layer.receiveResponse(response(invite, 180, "bob1"));
        Dialog early = core.dialogCount() == 1 ? core.dialog(new dev.acd.sip.dialog.DialogId(invite.callId(),
                invite.fromTag(), "bob1")).orElseThrow() : null;
        assertNotNull(early);
        assertEquals(DialogState.EARLY, early.state());
        layer.receiveResponse(response(invite, 200, "bob1"));

        assertSame(early, answered.get(0));
        assertEquals(DialogState.CONFIRMED, early.state());
        assertEquals(List.of("provisional 180 early", "answered"), events);
    }

    @Test
    void shouldSendCancelOnlyAfterAProvisionalResponseArrived() {
        SipMessage invite = newInvite();
        ClientInvite call = call(invite);

        call.cancel();
        assertTrue(network.requests("CANCEL").isEmpty(), "no CANCEL before a provisional response");
        layer.receiveResponse(response(invite, 100, null));

        List<RecordingNetwork.Sent> cancels = network.requests("CANCEL");
        assertEquals(1, cancels.size());
        SipMessage cancel = cancels.get(0).message();
        assertEquals(invite.branch(), cancel.branch());
        assertEquals(invite.cseqNumber(), cancel.cseqNumber());
        assertEquals(BOB, cancels.get(0).to());
        layer.receiveResponse(response(invite, 487, "bob1"));
        assertEquals(List.of("provisional 100", "failed 487"), events);
    }

    @Test
    void shouldAckAndHangUpWhenThe2xxCrossesOurCancel() {
        SipMessage invite = newInvite();
        ClientInvite call = call(invite);
        layer.receiveResponse(response(invite, 180, "bob1"));
        call.cancel();

        layer.receiveResponse(response(invite, 200, "bob1"));

        assertEquals(1, network.requests("ACK").size());
        assertEquals(1, network.requests("BYE").size());
        assertEquals(DialogState.TERMINATED, answered.get(0).state());
    }

    @Test
    void shouldUseTheRecordRoutesOfThe2xxReversedAsTheRouteSet() {
        SipMessage invite = newInvite();
        call(invite);

        layer.receiveResponse(response(invite, 200, "bob1", "<sip:192.0.2.32;lr>", "<sip:192.0.2.31;lr>"));
        Dialog dialog = answered.get(0);
        SipMessage bye = dialog.createRequest("BYE");

        assertEquals(List.of("<sip:192.0.2.31;lr>", "<sip:192.0.2.32;lr>"), UserAgentCoreUasTest.routes(bye));
        assertEquals(new InetSocketAddress("192.0.2.31", 5060), network.requests("ACK").get(0).to(),
                "the ACK follows the route set");
        assertEquals(invite.cseqNumber() + 1, bye.cseqNumber());
        assertEquals(invite.callId(), bye.callId());
        assertEquals(invite.fromTag(), bye.fromTag());
        assertEquals("bob1", bye.toTag());
    }

    @Test
    void shouldTakeTheContactOfThe2xxToAReInviteAsTheNewTarget() {
        SipMessage invite = newInvite();
        call(invite);
        layer.receiveResponse(response(invite, 200, "bob1"));
        Dialog dialog = answered.get(0);
        SipMessage reInvite = dialog.createRequest("INVITE");
        List<Integer> statuses = new ArrayList<>();

        core.sendInDialog(dialog, reInvite, new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
                statuses.add(response.statusCode());
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }
        });
        SipMessage ok = SipResponses.create(reInvite, 200, null);
        Msgs.withHeader(ok, "Contact", "<sip:bob@192.0.2.77:5090>");
        layer.receiveResponse(Msgs.reparse(ok));

        assertEquals(List.of(200), statuses);
        assertEquals("sip:bob@192.0.2.77:5090", dialog.remoteTarget().toString());
        SipMessage secondAck = network.requests("ACK").get(1).message();
        assertEquals(reInvite.cseqNumber(), secondAck.cseqNumber());
        assertEquals(new InetSocketAddress("192.0.2.77", 5090), network.requests("ACK").get(1).to());
    }

    @Test
    void shouldEndTheDialogWhenAnInDialogRequestIsAnswered481() {
        SipMessage invite = newInvite();
        call(invite);
        layer.receiveResponse(response(invite, 200, "bob1"));
        Dialog dialog = answered.get(0);
        SipMessage info = dialog.createRequest("INFO");
        core.sendInDialog(dialog, info, new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }
        });

        layer.receiveResponse(SipResponses.create(info, 481, null));

        assertEquals(DialogState.TERMINATED, dialog.state());
        assertNull(core.dialog(dialog.id()).orElse(null));
    }

    @Test
    void shouldReportATimeoutWhenNoFinalResponseComes() {
        call(newInvite());

        clock.advance(TimerSettings.DEFAULTS.timeoutMs());

        assertEquals(List.of("failed timeout"), events);
    }
    @Test
    void shouldSendNoCancelWhenTheCallWasAnsweredBeforeCancelWasAsked() {
        SipMessage invite = newInvite();
        ClientInvite call = call(invite);
        layer.receiveResponse(response(invite, 180, "bob1"));
        layer.receiveResponse(response(invite, 200, "bob1"));

        call.cancel();

        assertTrue(network.requests("CANCEL").isEmpty(), "section 9.1: no CANCEL once a final response came");
        assertTrue(network.requests("BYE").isEmpty(), "cancel() is not a hang-up");
        assertEquals(DialogState.CONFIRMED, answered.get(0).state());
        assertEquals(List.of("provisional 180 early", "answered"), events);
    }

    @Test
    void shouldHangUpWithoutEverSendingCancelWhenA200ArrivesBeforeAnyProvisional() {
        SipMessage invite = newInvite();
        ClientInvite call = call(invite);
        call.cancel();

        layer.receiveResponse(response(invite, 200, "bob1"));

        assertTrue(network.requests("CANCEL").isEmpty());
        assertEquals(1, network.requests("ACK").size());
        assertEquals(1, network.requests("BYE").size());
        assertEquals(DialogState.TERMINATED, answered.get(0).state());
    }

    @Test
    void shouldAckThe487OfACancelledCallInsideTheTransactionAndSendNoBye() {
        SipMessage invite = newInvite();
        ClientInvite call = call(invite);
        layer.receiveResponse(response(invite, 180, "bob1"));
        call.cancel();
        SipMessage cancel = network.requests("CANCEL").get(0).message();
        layer.receiveResponse(SipResponses.create(cancel, 200, null));

        layer.receiveResponse(response(invite, 487, "bob1"));
        layer.receiveResponse(response(invite, 487, "bob1"));

        List<RecordingNetwork.Sent> acks = network.requests("ACK");
        assertEquals(2, acks.size(), "each 487 retransmission is ACKed again");
        assertEquals(invite.branch(), acks.get(0).message().branch());
        assertEquals("bob1", acks.get(0).message().toTag());
        assertTrue(network.requests("BYE").isEmpty());
        assertEquals(List.of("provisional 180 early", "terminated: INVITE failed with 487", "failed 487"), events);
        assertEquals(0, core.dialogCount(), "the early dialog ended with the 487");
        assertTrue(call.cancelSent());
    }
}
