package dev.acd.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.DialogState;
import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ManualScheduler;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** The UAS side of the UA core over an in-memory transaction layer and a hand-moved clock. */
class UserAgentCoreUasTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 5060);

    private record Reply(long atMs, SipMessage message) {
    }

    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingNetwork network = new RecordingNetwork();
    private final UserAgentCore core = new UserAgentCore(network);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULTS, clock, core);
    private final List<Reply> replies = new ArrayList<>();
    private final List<ServerTransaction> invites = new ArrayList<>();
    private final List<SipMessage> cancels = new ArrayList<>();
    private final List<String> ended = new ArrayList<>();
    private final List<SipMessage> acks = new ArrayList<>();
    private final DialogListener listener = new DialogListener() {
        @Override
        public void onTerminated(Dialog dialog, String reason) {
            ended.add(reason);
        }

        @Override
        public void onAck(Dialog dialog, SipMessage ack) {
            acks.add(ack);
        }
    };

    UserAgentCoreUasTest() {
        core.register("INVITE", new RequestHandler() {
            @Override
            public void onRequest(ServerTransaction tx, SipMessage request, InetSocketAddress remote,
                    SipTransport transport) {
                invites.add(tx);
            }

            @Override
            public void onCancelled(ServerTransaction invite, SipMessage cancel) {
                cancels.add(cancel);
            }
        });
    }

    private void receive(SipMessage request) {
        layer.receiveRequest(request, SipTransport.UDP, PEER, m -> replies.add(new Reply(clock.now(), m)));
    }

    private SipMessage lastReply() {
        return replies.get(replies.size() - 1).message();
    }

    private List<Integer> statuses() {
        return replies.stream().map(r -> r.message().statusCode()).toList();
    }

    private static SipMessage invite() {
        return SipFixtures.parse(SipFixtures.invite("z9hG4bKinv1", "call-1", 1));
    }

    private static SipMessage inDialog(String method, String branch, long cseq, String toTag) {
        return SipFixtures.parse(SipFixtures.request(method, branch, "call-1", cseq)
                .replace("To: <sip:sales@acd.example>", "To: <sip:sales@acd.example>;tag=" + toTag)
                .replace("Content-Length: 0", "Contact: <sip:alice@192.0.2.10:5060>\r\nContent-Length: 0"));
    }

    /** Receives the INVITE and answers it 200; returns the dialog. */
    private Dialog answered(SipMessage invite) {
        receive(invite);
        return core.answer(invites.get(0), SipResponses.create(invite, 200, null), listener);
    }

    @Test
    void shouldAnswer483WhenMaxForwardsIsZero() {
        receive(SipFixtures.parse(SipFixtures.invite("z9hG4bKmf", "mf-1", 1).replace("Max-Forwards: 70",
                "Max-Forwards: 0")));

        assertEquals(List.of(100, 483), statuses());
        assertTrue(invites.isEmpty());
    }

    @Test
    void shouldAnswer482WhenTheSameRequestArrivesOnAnotherBranchWhileTheFirstIsLive() {
        receive(invite());
        receive(SipFixtures.parse(SipFixtures.invite("z9hG4bKforked", "call-1", 1)));

        assertEquals(List.of(100, 100, 482), statuses());
        assertEquals(1, invites.size());
    }

    @Test
    void shouldAcceptTheSameFromTagCallIdAndCSeqAgainOnceTheFirstIsLongGone() {
        receive(SipFixtures.parse(SipFixtures.request("MESSAGE", "z9hG4bKm1", "m-1", 1)));
        clock.advance(TimerSettings.DEFAULTS.timeoutMs());
        core.register("MESSAGE", (tx, request, remote, transport) -> tx.respond(SipResponses.create(request, 200, null)));

        receive(SipFixtures.parse(SipFixtures.request("MESSAGE", "z9hG4bKm2", "m-1", 1)));

        assertEquals(200, lastReply().statusCode());
    }

    @Test
    void shouldAnswer420NamingTheOptionWhenARequireIsNotSupported() {
        receive(SipFixtures.parse(SipFixtures.invite("z9hG4bKreq", "req-1", 1).replace("Max-Forwards: 70",
                "Max-Forwards: 70\r\nRequire: 100rel")));

        assertEquals(420, lastReply().statusCode());
        assertTrue(Msgs.text(lastReply()).contains("Unsupported: 100rel"), Msgs.text(lastReply()));
        assertTrue(invites.isEmpty());
    }

    @Test
    void shouldAnswer405WithAllowWhenNoHandlerTakesTheMethod() {
        receive(SipFixtures.parse(SipFixtures.request("PUBLISH", "z9hG4bKpub", "pub-1", 1)));

        assertEquals(405, lastReply().statusCode());
        String text = Msgs.text(lastReply());
        assertTrue(text.contains("Allow: ACK,BYE,CANCEL,INFO,INVITE,NOTIFY,OPTIONS,REFER,UPDATE"), text);
    }

    @Test
    void shouldAnswerOptionsWithAllowAcceptAndSupportedWhenNoHandlerIsRegistered() {
        receive(SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bKopt", "opt-1", 1)));

        assertEquals(200, lastReply().statusCode());
        String text = Msgs.text(lastReply());
        assertTrue(text.contains("Allow: ") && text.contains("INVITE"), text);
        assertTrue(text.contains("Accept: application/sdp"), text);
        assertTrue(text.contains("Supported:"), text);
    }

    /** The registrar's entry point, in the shape issue 3 gives it. */
    private static final class Registrar {
        final List<Object[]> seen = new ArrayList<>();

        void onRegister(ServerTransaction tx, SipMessage request, InetSocketAddress remote, SipTransport transport) {
            seen.add(new Object[] {tx, request, remote, transport});
            tx.respond(SipResponses.create(request, 200, null));
        }
    }

    @Test
    void shouldHandARegisterToTheRegistrarWithItsSourceAndTransport() {
        Registrar registrar = new Registrar();
        core.register("REGISTER", registrar::onRegister);

        receive(SipFixtures.parse(SipFixtures.request("REGISTER", "z9hG4bKreg", "reg-1", 1)));

        assertEquals(1, registrar.seen.size());
        assertEquals(PEER, registrar.seen.get(0)[2]);
        assertEquals(SipTransport.UDP, registrar.seen.get(0)[3]);
        assertEquals(200, lastReply().statusCode());
    }

    @Test
    void shouldAnswer481WhenAnInDialogRequestMatchesNoDialog() {
        receive(inDialog("BYE", "z9hG4bKbye", 2, "nosuchtag"));

        assertEquals(481, lastReply().statusCode());
    }

    @Test
    void shouldAnswer500WhenTheCSeqOfAnInDialogRequestGoesDown() {
        SipMessage invite = SipFixtures.parse(SipFixtures.invite("z9hG4bKinv5", "call-1", 5));
        Dialog dialog = answered(invite);

        receive(inDialog("INFO", "z9hG4bKinfo", 4, dialog.id().localTag()));

        assertEquals(500, lastReply().statusCode());
        assertEquals(DialogState.CONFIRMED, dialog.state());
    }

    @Test
    void shouldAnswerByeWith200AndEndTheDialog() {
        Dialog dialog = answered(invite());

        receive(inDialog("BYE", "z9hG4bKbye2", 2, dialog.id().localTag()));

        assertEquals(200, lastReply().statusCode());
        assertEquals(DialogState.TERMINATED, dialog.state());
        assertEquals(List.of("BYE received"), ended);
        assertEquals(0, core.dialogCount());
    }

    @Test
    void shouldSend200ToCancelAnd487ToTheInviteAndTellTheHandlerWhenCancelledBeforeTheAnswer() {
        SipMessage invite = invite();
        receive(invite);
        Dialog early = core.answer(invites.get(0), SipResponses.create(invite, 180, null), listener);

        receive(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKinv1", "call-1", 1)));

        assertEquals(List.of(100, 180, 200, 487), statuses());
        String ringingTag = replies.get(1).message().raw().getTo().getTag();
        assertEquals(ringingTag, replies.get(2).message().raw().getTo().getTag(), "CANCEL's 200 has the INVITE's tag");
        assertEquals(ringingTag, replies.get(3).message().raw().getTo().getTag(), "487 has the 180's tag");
        assertEquals(1, cancels.size());
        assertEquals(DialogState.TERMINATED, early.state());
    }

    @Test
    void shouldOnlyAnswerTheCancelWhenItArrivesAfterThe200() {
        Dialog dialog = answered(invite());

        receive(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKinv1", "call-1", 1)));

        assertEquals(List.of(100, 200, 200), statuses(), "the accepted INVITE transaction is found; 200, no effect");
        assertTrue(cancels.isEmpty());
        assertEquals(DialogState.CONFIRMED, dialog.state());
    }

    @Test
    void shouldAnswer200ToACancelThatFollowsAFinalFailureAndChangeNothing() {
        SipMessage invite = invite();
        receive(invite);
        invites.get(0).respond(SipResponses.create(invite, 486, null));

        receive(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKinv1", "call-1", 1)));

        assertEquals(List.of(100, 486, 200), statuses());
        assertTrue(cancels.isEmpty());
    }

    @Test
    void shouldAnswer481ToACancelOfAnUnknownInvite() {
        receive(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKnone", "call-9", 1)));

        assertEquals(List.of(481), statuses());
    }

    @Test
    void shouldRetransmitThe2xxDoublingFromT1UpToT2UntilTheAckArrives() {
        Dialog dialog = answered(invite());

        clock.advance(12_000);
        receive(inDialog("ACK", "z9hG4bKack", 1, dialog.id().localTag()));
        clock.advance(20_000);

        List<Long> okTimes = replies.stream().filter(r -> r.message().statusCode() == 200).map(Reply::atMs).toList();
        assertEquals(List.of(0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L), okTimes);
        assertEquals(1, acks.size());
        assertTrue(network.requests("BYE").isEmpty());
        assertEquals(DialogState.CONFIRMED, dialog.state());
    }

    @Test
    void shouldStopRetransmittingAndSendByeWhenNoAckComesWithin64T1() {
        Dialog dialog = answered(invite());

        clock.advance(TimerSettings.DEFAULTS.timeoutMs());
        int sentAtGiveUp = replies.size();
        clock.advance(10_000);

        assertEquals(sentAtGiveUp, replies.size(), "no 2xx after giving up");
        assertEquals(1, network.requests("BYE").stream().map(s -> s.message().branch()).distinct().count(),
                "one BYE (with its own retransmissions)");
        RecordingNetwork.Sent bye = network.requests("BYE").get(0);
        assertEquals(new InetSocketAddress("192.0.2.10", 5060), bye.to(), "to the Contact of the INVITE");
        assertEquals("fa1", bye.message().toTag());
        assertEquals(dialog.id().localTag(), bye.message().fromTag());
        assertEquals(DialogState.TERMINATED, dialog.state());
        assertEquals(List.of("no ACK for our 2xx"), ended);
    }

    @Test
    void shouldAbsorbAnInviteRetransmittedAfterThe2xxAndKeepRetransmittingThe2xx() {
        answered(invite());

        receive(invite());
        assertEquals(List.of(100, 200), statuses(), "no second 100 Trying after the 200");
        clock.advance(500);

        assertEquals(List.of(100, 200, 200), statuses(), "the 2xx retransmission reaches the caller");
        assertEquals(1, invites.size());
    }

    @Test
    void shouldRouteInDialogRequestsThroughTheRecordRoutesInOrder() {
        SipMessage invite = SipFixtures.parse(SipFixtures.invite("z9hG4bKrr", "call-1", 1).replace("Max-Forwards: 70",
                "Record-Route: <sip:192.0.2.31;lr>\r\nRecord-Route: <sip:192.0.2.32:5080;lr>\r\nMax-Forwards: 70"));
        Dialog dialog = answered(invite);

        SipMessage bye = dialog.createRequest("BYE");

        assertTrue(Msgs.text(lastReply()).contains("Record-Route: <sip:192.0.2.31;lr>"), "2xx copies Record-Route");
        List<String> routes = routes(bye);
        assertEquals(List.of("<sip:192.0.2.31;lr>", "<sip:192.0.2.32:5080;lr>"), routes);
        assertEquals("sip:alice@192.0.2.10:5060", ((Request) bye.raw()).getRequestURI().toString());
        assertEquals(new InetSocketAddress("192.0.2.31", 5060), dialog.nextHop().address());
    }

    @Test
    void shouldTakeTheNewContactAsTargetWhenAReInviteRefreshesIt() {
        Dialog dialog = answered(invite());
        receive(inDialog("ACK", "z9hG4bKack", 1, dialog.id().localTag()));
        ServerTransaction[] reInvite = new ServerTransaction[1];
        dialog.listener(new DialogListener() {
            @Override
            public void onRequest(Dialog d, ServerTransaction tx, SipMessage request) {
                reInvite[0] = tx;
            }
        });

        receive(SipFixtures.parse(SipFixtures.request("INVITE", "z9hG4bKre", "call-1", 2)
                .replace("To: <sip:sales@acd.example>", "To: <sip:sales@acd.example>;tag=" + dialog.id().localTag())
                .replace("Content-Length: 0", "Contact: <sip:alice@192.0.2.99:5062>\r\nContent-Length: 0")));

        assertNotNull(reInvite[0]);
        assertEquals("sip:alice@192.0.2.99:5062", dialog.remoteTarget().toString());
        assertEquals(2, dialog.remoteSeq());
        reInvite[0].respond(SipResponses.create(reInvite[0].request(), 200, null));
        clock.advance(600);
        long oks = replies.stream().filter(r -> r.message().statusCode() == 200 && r.message().cseqNumber() == 2).count();
        assertEquals(2, oks, "the re-INVITE's 2xx is retransmitted too");
    }

    @Test
    void shouldGiveOneToTagToAllResponsesOfAnInvite() {
        SipMessage invite = invite();
        receive(invite);
        Dialog early = core.answer(invites.get(0), SipResponses.create(invite, 180, null), listener);

        Dialog confirmed = core.answer(invites.get(0), SipResponses.create(invite, 200, null), listener);

        assertSame(early, confirmed);
        assertEquals(DialogState.CONFIRMED, confirmed.state());
        assertEquals(replies.get(1).message().raw().getTo().getTag(), replies.get(2).message().raw().getTo().getTag());
        assertNull(replies.get(0).message().raw().getTo().getTag(), "100 Trying carries no tag");
    }

    static List<String> routes(SipMessage request) {
        List<String> routes = new ArrayList<>();
        request.raw().getHeaders(RouteHeader.NAME).forEachRemaining(h -> routes.add(((RouteHeader) h).getAddress()
                .toString()));
        return routes;
    }
    @Test
    void shouldKeepTheAckOfThe487InTheInviteTransactionWhenCancelledBeforeTheAnswer() {
        SipMessage invite = invite();
        receive(invite);
        core.answer(invites.get(0), SipResponses.create(invite, 180, null), listener);
        receive(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKinv1", "call-1", 1)));
        String tag = lastReply().raw().getTo().getTag();

        receive(inDialog("ACK", "z9hG4bKinv1", 1, tag));
        clock.advance(TimerSettings.DEFAULTS.timeoutMs());

        assertEquals(List.of(100, 180, 200, 487), statuses(), "no 487 retransmission after the ACK, no 481");
        assertTrue(acks.isEmpty(), "the ACK of a non-2xx is the transaction's, not the dialog's");
        assertTrue(network.requests("BYE").isEmpty());
        assertEquals(0, core.dialogCount());
    }

    @Test
    void shouldRetransmitThe487UntilItsAckWhenCancelledBeforeTheAnswer() {
        SipMessage invite = invite();
        receive(invite);
        receive(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKinv1", "call-1", 1)));

        clock.advance(1_600);

        assertEquals(List.of(100, 200, 487, 487, 487), statuses(), "Timer G at 500 and 1500 ms");
        assertEquals(1, cancels.size());
    }
}
