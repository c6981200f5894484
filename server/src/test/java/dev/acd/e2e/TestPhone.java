package dev.acd.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.address.Address;
import javax.sip.address.URI;

import dev.acd.sip.auth.ClientDigest;
import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.sdp.MediaDescription;
import dev.acd.sip.sdp.SdpParser;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionState;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.testkit.PhoneAudio;
import dev.acd.sip.ua.ClientInvite;
import dev.acd.sip.ua.InviteListener;
import dev.acd.sip.ua.RequestHandler;
import dev.acd.sip.ua.SipStack;

/**
 * A phone on our own SIP stack with real RTP on a plain socket, for end-to-end tests against the server: a rep's
 * softphone that registers with digest (MD5, as the test configuration offers), answers, is busy or never answers,
 * holds, transfers and dials out; or a trunk placing a customer's call. It can send a paced tone and keeps what it
 * hears. Records what it saw as short strings ("invite", "cancelled", "ended: ...").
 */
final class TestPhone implements RequestHandler, DialogListener, AutoCloseable {
    enum Mode { ANSWER, BUSY, REJECT, NO_ANSWER }

    final SipStack stack;
    final String host;
    private final PhoneAudio audio;
    private final ScheduledExecutorService pacer;
    volatile Mode mode = Mode.ANSWER;
    /** How long an answering phone rings before its 200. */
    volatile long answerDelayMs = 20;
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Dialog> dialogs = new CopyOnWriteArrayList<>();
    private ClientDigest digest;

    private TestPhone(String host) throws IOException {
        this.host = host;
        TransportSettings transports = new TransportSettings(List.of(new InetSocketAddress(host, 0)), List.of(), 1,
                TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, 65_507, 16_384);
        this.stack = SipStack.start(transports, TimerSettings.DEFAULTS);
        stack.register("INVITE", this);
        stack.core().defaultDialogListener(this);
        this.audio = new PhoneAudio(host);
        this.pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "phone-tone-" + host);
            t.setDaemon(true);
            return t;
        });
    }

    /** A phone on {@code host} (a loopback address: reps are not on the trunk's 127.0.0.1). */
    static TestPhone start(String host) throws IOException {
        return new TestPhone(host);
    }

    // ---- answering ----------------------------------------------------------------------------------------------

    @Override
    public void onRequest(ServerTransaction tx, SipMessage invite, InetSocketAddress remote, SipTransport transport) {
        events.add("invite");
        learnRemote(invite);
        switch (mode) {
            case BUSY -> tx.respond(SipResponses.create(invite, 486, null));
            case REJECT -> tx.respond(SipResponses.create(invite, 603, null));
            case NO_ANSWER -> stack.core().answer(tx, SipResponses.create(invite, 180, null), this);
            case ANSWER -> {
                stack.core().answer(tx, SipResponses.create(invite, 180, null), this);
                tx.context().layer().scheduler().schedule(answerDelayMs, () -> {
                    if (tx.state() != TransactionState.PROCEEDING || tx.lastResponse().statusCode() >= 200) {
                        return;
                    }
                    SipMessage ok = SipResponses.create(invite, 200, null);
                    withSdp(ok, "sendrecv");
                    dialogs.add(stack.core().answer(tx, ok, this));
                    events.add("answered");
                });
            }
        }
    }

    @Override
    public void onCancelled(ServerTransaction invite, SipMessage cancel) {
        events.add("cancelled");
    }

    @Override
    public void onRequest(Dialog dialog, ServerTransaction tx, SipMessage request) {
        if ("NOTIFY".equals(request.method())) {
            events.add("notify: " + new String(request.raw().getRawContent(), StandardCharsets.UTF_8).strip());
            tx.respondFromAnyThread(SipResponses.create(request, 200, null));
            return;
        }
        DialogListener.super.onRequest(dialog, tx, request);
    }

    @Override
    public void onAck(Dialog dialog, SipMessage ack) {
        events.add("ack");
    }

    @Override
    public void onTerminated(Dialog dialog, String reason) {
        events.add("ended: " + reason);
    }

    /** The dialog of the last answered call. */
    Dialog lastDialog() {
        return dialogs.get(dialogs.size() - 1);
    }

    // ---- calling ------------------------------------------------------------------------------------------------

    /** A call placed: the final response (null on timeout) and, when answered, the dialog. */
    static final class Call {
        final CompletableFuture<SipMessage> finalResponse = new CompletableFuture<>();
        volatile Dialog dialog;
        volatile ClientInvite invite;
    }

    /** The number calls come from. */
    volatile String callerUser = "+15557770001";

    /** Calls {@code user} at {@code server}; {@code headers} are "Name: value" lines. */
    Call call(String user, InetSocketAddress server, String... headers) {
        Call call = new Call();
        try {
            URI uri = SipFactories.addresses().createURI("sip:" + user + "@" + server.getAddress().getHostAddress()
                    + ":" + server.getPort());
            Address to = SipFactories.addresses().createAddress(uri);
            Address from = SipFactories.addresses().createAddress("sip:" + callerUser + "@" + host);
            SipMessage invite = stack.newRequest("INVITE", (URI) uri.clone(), from, to, SipTransport.UDP);
            for (String h : headers) {
                int colon = h.indexOf(':');
                invite.raw().addHeader(SipFactories.headers().createHeader(h.substring(0, colon),
                        h.substring(colon + 1).strip()));
            }
            withSdp(invite, "sendrecv");
            if (digest != null && digest.challenge() != null) {
                digest.authorize(invite);
            }
            call.invite = stack.invite(invite, new NextHop(SipTransport.UDP, server), new InviteListener() {
                @Override
                public void onAnswered(ClientInvite ci, SipMessage response, Dialog dialog) {
                    learnRemote(response);
                    dialogs.add(dialog);
                    call.dialog = dialog;
                    call.finalResponse.complete(response);
                }

                @Override
                public void onProvisional(ClientInvite ci, SipMessage response, Dialog early) {
                    events.add("provisional " + response.statusCode());
                }

                @Override
                public void onFailed(ClientInvite ci, SipMessage response) {
                    call.finalResponse.complete(response);
                }

                @Override
                public void onRequest(Dialog dialog, ServerTransaction tx, SipMessage request) {
                    TestPhone.this.onRequest(dialog, tx, request);
                }

                @Override
                public void onTerminated(Dialog dialog, String reason) {
                    events.add("ended: " + reason);
                }
            });
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
        return call;
    }

    /** Dials out as the registered rep: the 407 first, then again with credentials answering it. */
    Call callWithDigest(String number, InetSocketAddress server) throws Exception {
        SipMessage challenge = call(number, server).finalResponse.get(5, TimeUnit.SECONDS);
        if (challenge == null || challenge.statusCode() != 407) {
            throw new AssertionError("expected 407, got " + challenge);
        }
        digest.onChallenge(challenge);
        return call(number, server);
    }

    /** Answers digest challenges as {@code user} without registering (a softphone that dials before it registers). */
    void useCredentials(String user, String password) {
        digest = new ClientDigest(user, password, List.of(DigestAlgorithm.MD5));
    }

    /** Registers {@code user} (password {@code password}, realm {@code realm}) at the server: 401, then 200. */
    void register(InetSocketAddress server, String realm, String user, String password) throws Exception {
        digest = new ClientDigest(user, password, List.of(DigestAlgorithm.MD5));
        String uri = "sip:" + server.getAddress().getHostAddress() + ":" + server.getPort();
        SipMessage challenge = sendRegister(server, uri, realm, user);
        if (challenge.statusCode() != 401) {
            throw new AssertionError("REGISTER of " + user + " expected 401, got " + challenge);
        }
        digest.onChallenge(challenge);
        SipMessage ok = sendRegister(server, uri, realm, user);
        if (ok.statusCode() != 200) {
            throw new AssertionError("REGISTER of " + user + " got " + ok);
        }
    }

    private long registerCseq;

    private SipMessage sendRegister(InetSocketAddress server, String uri, String realm, String user)
            throws Exception {
        Address aor = SipFactories.addresses().createAddress("sip:" + user + "@" + realm);
        SipMessage register = stack.newRequest("REGISTER", SipFactories.addresses().createURI(uri), aor,
                (Address) aor.clone(), SipTransport.UDP);
        register.raw().setCallId("reg-" + user + "-" + audio.localPort());
        ((javax.sip.header.CSeqHeader) register.raw().getHeader("CSeq")).setSeqNumber(++registerCseq);
        register = SipMessage.of(register.raw());
        if (digest.challenge() != null) {
            digest.authorize(register);
        }
        CompletableFuture<SipMessage> response = new CompletableFuture<>();
        stack.send(register, new NextHop(SipTransport.UDP, server), new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage r) {
                if (r.statusCode() >= 200) {
                    response.complete(r);
                }
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                response.completeExceptionally(new AssertionError("REGISTER timed out"));
            }
        });
        return response.get(5, TimeUnit.SECONDS);
    }

    /** A re-INVITE with {@code direction} (sendonly holds, sendrecv resumes); completes with the final status. */
    CompletableFuture<Integer> reInvite(Dialog dialog, String direction) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        dialog.execute(() -> {
            SipMessage reinvite = dialog.createRequest("INVITE");
            withSdp(reinvite, direction);
            stack.core().sendInDialog(dialog, reinvite, finalStatus(status));
        });
        return status;
    }

    /** A REFER to {@code target} (RFC 3515); completes with the final status. */
    CompletableFuture<Integer> refer(Dialog dialog, String target) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        dialog.execute(() -> {
            SipMessage refer = dialog.createRequest("REFER");
            try {
                refer.raw().addHeader(SipFactories.headers().createHeader("Refer-To", "<" + target + ">"));
            } catch (ParseException e) {
                throw new IllegalArgumentException(e);
            }
            stack.core().sendInDialog(dialog, refer, finalStatus(status));
        });
        return status;
    }

    private static ClientTransactionUser finalStatus(CompletableFuture<Integer> status) {
        return new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
                if (response.statusCode() >= 200) {
                    status.complete(response.statusCode());
                }
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                status.complete(408);
            }
        };
    }

    void hangUp(Dialog dialog) {
        stack.core().bye(dialog);
    }

    // ---- media --------------------------------------------------------------------------------------------------

    /** Starts sending a PCMU tone of {@code hz}, one 20 ms frame every 20 ms, until {@link #close()}. */
    ScheduledFuture<?> playTone(double hz) {
        return pacer.scheduleAtFixedRate(() -> {
            try {
                audio.sendToneFrame(hz, false);
            } catch (IOException e) {
                // closed while playing
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Presses a key: an RFC 4733 telephone-event ({@code event} 0-9 for the digits) to the far end's RTP. */
    void pressKey(int event) throws IOException {
        audio.sendDigit(event);
    }

    /** Where the far end wants our RTP, from the last SDP it sent us; null before. */
    InetSocketAddress remoteRtp() {
        return audio.remote();
    }

    /** Samples heard since the last {@link #forget()}. */
    short[] heard() {
        return audio.heard();
    }

    void forget() {
        audio.forget();
    }

    private void learnRemote(SipMessage message) {
        byte[] body = message.raw().getRawContent();
        if (body == null || body.length == 0) {
            return;
        }
        try {
            SessionDescription sdp = SdpParser.parse(new String(body, StandardCharsets.UTF_8));
            MediaDescription m = sdp.media().get(0);
            audio.remote(new InetSocketAddress(InetAddress.getByName(sdp.connectionAddressOf(m)), m.port()));
        } catch (Exception e) {
            throw new AssertionError("bad SDP from the server: " + e.getMessage(), e);
        }
    }

    private void withSdp(SipMessage message, String direction) {
        String sdp = audio.sdp(direction);
        try {
            message.raw().setContent(sdp, SipFactories.headers().createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        audio.close();
        stack.close();
    }
}
