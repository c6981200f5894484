package dev.acd.sip.ua;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionState;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.address.Address;

/**
 * A small user agent on our stack: answers INVITEs (180, then 200 with SDP after a delay, or 486 when busy), places
 * calls and hangs up. Records what happened as short event strings. The built-in test user agent for SIPp runs.
 */
public final class TestUserAgent implements RequestHandler, DialogListener, AutoCloseable {
    /** How incoming INVITEs are answered. */
    public enum Mode {
        ANSWER,
        BUSY
    }

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    private final SipStack stack;
    private volatile Mode mode = Mode.ANSWER;
    private volatile long answerDelayMs = 20;
    /** What happened, in order: "ringing", "answered", "busy", "cancelled", "ack", "ended: reason", ... */
    public final List<String> events = new CopyOnWriteArrayList<>();
    /** Dialogs of calls this agent answered or placed. */
    public final List<Dialog> dialogs = new CopyOnWriteArrayList<>();

    private TestUserAgent(SipStack stack) {
        this.stack = stack;
    }

    public static TestUserAgent start(TransportSettings transports, TimerSettings timers) {
        TestUserAgent ua = new TestUserAgent(SipStack.start(transports, timers));
        ua.stack.register("INVITE", ua);
        return ua;
    }

    public SipStack stack() {
        return stack;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void answerDelayMs(long ms) {
        this.answerDelayMs = ms;
    }

    @Override
    public void onRequest(ServerTransaction tx, SipMessage invite, InetSocketAddress remote, SipTransport transport) {
        if (mode == Mode.BUSY) {
            events.add("busy");
            tx.respond(SipResponses.create(invite, 486, null));
            return;
        }
        events.add("ringing");
        stack.core().answer(tx, SipResponses.create(invite, 180, null), this);
        tx.context().layer().scheduler().schedule(answerDelayMs, () -> {
            if (tx.state() != TransactionState.PROCEEDING || tx.lastResponse().statusCode() >= 200) {
                return; // cancelled meanwhile
            }
            SipMessage ok = SipResponses.create(invite, 200, null);
            withSdp(ok);
            Dialog dialog = stack.core().answer(tx, ok, this);
            dialogs.add(dialog);
            events.add("answered");
        });
    }

    @Override
    public void onCancelled(ServerTransaction invite, SipMessage cancel) {
        events.add("cancelled");
    }

    @Override
    public void onAck(Dialog dialog, SipMessage ack) {
        events.add("ack");
    }

    @Override
    public void onTerminated(Dialog dialog, String reason) {
        events.add("ended: " + reason);
    }

    /** Calls {@code uri}; completes with the dialog once answered, exceptionally when the call fails. */
    public CompletableFuture<Dialog> call(String uri, SipTransport transport) {
        CompletableFuture<Dialog> result = new CompletableFuture<>();
        SipMessage invite;
        try {
            Address to = SipFactories.addresses().createAddress(uri);
            Address from = SipFactories.addresses().createAddress("sip:test-ua@"
                    + stack.localAddress(transport).getAddress().getHostAddress());
            invite = stack.newRequest("INVITE", to.getURI(), from, to, transport);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + uri, e);
        }
        withSdp(invite);
        stack.invite(invite, transport, new InviteListener() {
            @Override
            public void onProvisional(ClientInvite call, SipMessage response, Dialog early) {
                events.add("provisional " + response.statusCode());
            }

            @Override
            public void onAnswered(ClientInvite call, SipMessage response, Dialog dialog) {
                events.add("answered");
                dialogs.add(dialog);
                result.complete(dialog);
            }

            @Override
            public void onFailed(ClientInvite call, SipMessage response) {
                events.add("failed " + (response == null ? "timeout" : response.statusCode()));
                result.completeExceptionally(new IllegalStateException("call to " + uri + " failed: " + response));
            }

            @Override
            public void onTerminated(Dialog dialog, String reason) {
                events.add("ended: " + reason);
            }
        });
        return result;
    }

    /** Hangs up a call: BYE. */
    public void hangUp(Dialog dialog) {
        stack.core().bye(dialog);
    }

    private static void withSdp(SipMessage message) {
        try {
            message.raw().setContent(SDP, SipFactories.headers().createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
