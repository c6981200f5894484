package dev.acd.perf.sip;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionState;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.RequestHandler;
import dev.acd.sip.ua.UserAgentCore;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load target's callee: answers every INVITE with 180 and then 200 with an SDP answer (at once, or after a
 * delay on the transaction's event loop), and counts what happened. The caller's BYE is handled by the UA core.
 * Keeps no per-call state of its own, unlike the test suite's recording user agent, so it can run for millions
 * of calls. Thread-safe (counters only).
 */
public final class AnsweringUserAgent implements RequestHandler, DialogListener {
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private final UserAgentCore core;
    private final long answerDelayMs;
    private final LongAdder invites = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder ended = new LongAdder();

    /** @param answerDelayMs ringing time before the 200; 0 answers in the same turn of the event loop */
    public AnsweringUserAgent(UserAgentCore core, long answerDelayMs) {
        this.core = core;
        this.answerDelayMs = answerDelayMs;
    }

    @Override
    public void onRequest(ServerTransaction tx, SipMessage invite, InetSocketAddress remote, SipTransport transport) {
        invites.increment();
        core.answer(tx, SipResponses.create(invite, 180, null), this);
        if (answerDelayMs <= 0) {
            answer(tx, invite);
        } else {
            tx.context().layer().scheduler().schedule(answerDelayMs, () -> answer(tx, invite));
        }
    }

    private void answer(ServerTransaction tx, SipMessage invite) {
        if (tx.state() != TransactionState.PROCEEDING || tx.lastResponse().statusCode() >= 200) {
            return; // cancelled meanwhile
        }
        SipMessage ok = SipResponses.create(invite, 200, null);
        try {
            ok.raw().setContent(SDP, SipFactories.headers().createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException("our own SDP answer does not parse", e);
        }
        core.answer(tx, ok, this);
        answered.increment();
    }

    @Override
    public void onAck(Dialog dialog, SipMessage ack) {
        acked.increment();
    }

    @Override
    public void onTerminated(Dialog dialog, String reason) {
        ended.increment();
    }

    /** One line of counters for the target's status output. */
    public String counters() {
        return "invites=" + invites.sum() + " answered=" + answered.sum() + " acked=" + acked.sum()
                + " ended=" + ended.sum();
    }
}
