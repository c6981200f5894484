package dev.acd.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import org.junit.jupiter.api.Test;

class TransactionLayerTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final Wire wire = new Wire(clock);
    private final RecordingUser core = new RecordingUser();
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULTS, clock, core);

    private static SipMessage invite(String branch) {
        return SipFixtures.parse(SipFixtures.invite(branch, "layer-1", 1));
    }

    @Test
    void shouldHandARetransmittedInviteToItsTransactionAndNotToTheCore() {
        layer.receiveRequest(invite("z9hG4bKa"), false, wire);
        layer.receiveRequest(invite("z9hG4bKa"), false, wire);

        assertEquals(1, core.requests.size());
        assertEquals(1, layer.serverCount());
        assertEquals(2, wire.count()); // 100 Trying, then 100 again for the retransmission
    }

    @Test
    void shouldCreateASecondTransactionWhenTheSentByDiffers() {
        layer.receiveRequest(invite("z9hG4bKa"), false, wire);
        SipMessage other = SipFixtures.parse(SipFixtures.invite("z9hG4bKa", "layer-1", 1)
                .replace("192.0.2.10:5060;branch", "192.0.2.11:5060;branch"));

        layer.receiveRequest(other, false, wire);

        assertEquals(2, core.requests.size());
    }

    @Test
    void shouldMatchTheAckOfANon2xxToItsInviteTransaction() {
        SipMessage invite = invite("z9hG4bKb");
        layer.receiveRequest(invite, false, wire);
        ServerTransaction tx = core.serverTransactions.get(0);
        SipMessage busy = SipResponses.create(invite, 486, null);
        tx.respond(busy);

        layer.receiveRequest(SipFixtures.parse(SipFixtures.request("ACK", "z9hG4bKb", "layer-1", 1)
                .replace("To: <sip:sales@acd.example>", "To: <sip:sales@acd.example>;tag=" + busy.toTag())), false,
                wire);

        assertEquals(TransactionState.CONFIRMED, tx.state());
        assertTrue(core.strayAcks.isEmpty());
    }

    @Test
    void shouldPassTheAckOfA2xxToTheCoreBecauseItHasItsOwnBranch() {
        SipMessage invite = invite("z9hG4bKc");
        layer.receiveRequest(invite, false, wire);
        core.serverTransactions.get(0).respond(SipResponses.create(invite, 200, null));

        layer.receiveRequest(SipFixtures.parse(SipFixtures.request("ACK", "z9hG4bKother", "layer-1", 1)), false, wire);

        assertEquals(1, core.strayAcks.size());
    }

    @Test
    void shouldNotTakeAnInviteRetransmittedAfterOur2xxForANewRequest() {
        SipMessage invite = invite("z9hG4bKlate");
        layer.receiveRequest(invite, false, wire);
        core.serverTransactions.get(0).respond(SipResponses.create(invite, 200, null));

        layer.receiveRequest(invite, false, wire);
        clock.advance(31_999);
        layer.receiveRequest(invite, false, wire);

        assertEquals(1, core.serverTransactions.size(), "the copies reach neither the core nor a new transaction");
        assertEquals(java.util.List.of(100, 200), wire.statuses());
        clock.advance(1);
        assertEquals(0, layer.serverCount(), "forgotten after timer L");
    }

    @Test
    void shouldMatchResponsesByBranchAndCSeqMethod() {
        SipMessage invite = invite(TransactionLayer.newBranch());
        ClientTransaction tx = layer.sendRequest(invite, false, wire, core);
        SipMessage ringing = SipResponses.create(invite, 180, null);
        SipMessage wrongMethod = SipFixtures.parse(new String(ringing.encode(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"));

        layer.receiveResponse(ringing);
        layer.receiveResponse(wrongMethod);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(1, core.responses.size());
        assertSame(wrongMethod, core.strayResponses.get(0));
    }

    @Test
    void shouldForgetATransactionWhenItTerminates() {
        SipMessage bye = SipFixtures.parse(SipFixtures.request("BYE", TransactionLayer.newBranch(), "layer-2", 2));
        layer.sendRequest(bye, false, wire, core);
        layer.receiveResponse(SipResponses.create(bye, 200, null));
        assertEquals(1, layer.clientCount());

        clock.advance(TimerSettings.DEFAULT_T4_MS);

        assertEquals(0, layer.clientCount());
        layer.receiveResponse(SipResponses.create(bye, 200, null));
        assertEquals(1, core.strayResponses.size());
    }

    @Test
    void shouldFindTheInviteTransactionWhenACancelArrives() {
        layer.receiveRequest(invite("z9hG4bKd"), false, wire);
        SipMessage cancel = SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKd", "layer-1", 1));

        layer.receiveRequest(cancel, false, wire);

        assertSame(core.serverTransactions.get(0), layer.findCancelled(cancel));
        assertEquals(2, layer.serverCount());
        assertNull(layer.findCancelled(SipFixtures.parse(SipFixtures.request("CANCEL", "z9hG4bKe", "x", 1))));
    }

    @Test
    void shouldMatchRetransmissionsFromAnRfc2543PeerWithoutAMagicCookie() {
        SipMessage old = invite("oldbranch1");
        layer.receiveRequest(old, false, wire);
        layer.receiveRequest(invite("oldbranch1"), false, wire);

        assertEquals(1, core.requests.size());
    }

    @Test
    void shouldHandTheCoreWhereTheRequestCameFromAndKeepItOnTheTransaction() {
        java.net.InetSocketAddress peer = new java.net.InetSocketAddress("192.0.2.10", 5060);
        java.util.List<RequestContext> contexts = new java.util.ArrayList<>();
        TransactionLayer.Core recording = new TransactionLayer.Core() {
            @Override
            public void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context) {
                contexts.add(context);
            }

            @Override
            public void onStrayAck(SipMessage ack, RequestContext context) {
            }

            @Override
            public void onStrayResponse(SipMessage response, TransactionLayer layer) {
            }
        };
        TransactionLayer tcpLayer = new TransactionLayer(TimerSettings.DEFAULTS, clock, recording);

        tcpLayer.receiveRequest(invite("z9hG4bKctx"), dev.acd.sip.transport.SipTransport.TCP, peer, wire);

        assertEquals(1, contexts.size());
        assertEquals(dev.acd.sip.transport.SipTransport.TCP, contexts.get(0).transport());
        assertEquals(peer, contexts.get(0).remote());
        assertSame(tcpLayer, contexts.get(0).layer());
    }

    @Test
    void shouldShowTheCoreEachResponseBeforeItIsSent() {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        TransactionLayer.Core watching = new TransactionLayer.Core() {
            @Override
            public void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context) {
                transaction.respond(SipResponses.create(request, 200, null));
            }

            @Override
            public void onSending(ServerTransaction transaction, SipMessage response) {
                seen.add(response.statusCode());
                assertEquals(seen.size() - 1, wire.count(), "seen before it is on the wire");
            }

            @Override
            public void onStrayAck(SipMessage ack, RequestContext context) {
            }

            @Override
            public void onStrayResponse(SipMessage response, TransactionLayer layer) {
            }
        };
        TransactionLayer watched = new TransactionLayer(TimerSettings.DEFAULTS, clock, watching);

        watched.receiveRequest(invite("z9hG4bKsee"), false, wire);
        watched.receiveRequest(SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bKopt", "o-1", 1)), false, wire);

        assertEquals(java.util.List.of(100, 200, 200), seen);
    }

    @Test
    void shouldTellWhichLayerOwnsTheClientTransactionOfAResponse() {
        java.util.concurrent.ConcurrentHashMap<TransactionKey, TransactionLayer> owners =
                new java.util.concurrent.ConcurrentHashMap<>();
        TransactionLayer a = new TransactionLayer(TimerSettings.DEFAULTS, clock, core, Runnable::run, owners);
        TransactionLayer b = new TransactionLayer(TimerSettings.DEFAULTS, clock, core, Runnable::run, owners);
        SipMessage options = SipFixtures.parse(SipFixtures.request("OPTIONS", TransactionLayer.newBranch(), "own-1", 1));
        a.sendRequest(options, true, wire, core);
        SipMessage ok = SipResponses.create(options, 200, null);

        assertSame(a, b.ownerOf(ok));
        a.receiveResponse(ok);
        assertNull(b.ownerOf(ok), "forgotten once the transaction ends (Timer K is 0 on TCP)");
    }

    @Test
    void shouldRefuseToSendARequestWithoutAnRfc3261Branch() {
        assertThrows(IllegalArgumentException.class,
                () -> layer.sendRequest(invite("nocookie"), false, wire, core));
    }

    @Test
    void shouldCountTransactionsErrorResponsesAndTimeoutsForMetrics() {
        SipMessage invite = invite("z9hG4bKcount");
        layer.receiveRequest(invite, false, wire);
        core.serverTransactions.get(0).respond(SipResponses.create(invite, 486, null));
        layer.sendRequest(invite(TransactionLayer.newBranch()), false, wire, core);

        TransactionCounts live = layer.counts();
        assertEquals(1, live.serverStarted());
        assertEquals(1, live.clientStarted());
        assertEquals(1, live.liveServer());
        assertEquals(1, live.liveClient());
        assertEquals(1, live.sent4xx());
        assertEquals(0, live.timedOut());

        clock.advance(64 * TimerSettings.DEFAULTS.t1Ms() + 1); // Timer B for ours, Timer H for the unacknowledged 486

        TransactionCounts after = layer.counts();
        assertEquals(2, after.timedOut());
        assertEquals(1, core.clientTimeouts, "the user still hears of its timeout");
        assertEquals(1, core.serverTimeouts);
        assertEquals(0, after.liveServer());
        assertEquals(0, after.liveClient());
    }
}
