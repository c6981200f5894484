package dev.acd.sip.call;

import dev.acd.sip.auth.DigestClient;
import dev.acd.sip.auth.TestCredentials;
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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sip.address.Address;
import javax.sip.address.URI;

/**
 * A phone for call tests on our own stack with real RTP on a plain socket: a trunk placing customers' calls, or a
 * rep's softphone that registers, answers (or is busy, rejects, never answers), holds, transfers and dials out.
 * Records what it saw as short strings and decodes the audio it hears.
 */
final class Phone implements RequestHandler, DialogListener, AutoCloseable {
    enum Mode { ANSWER, BUSY, REJECT, NO_ANSWER }

    final SipStack stack;
    final String host;
    private final PhoneAudio audio;
    volatile Mode mode = Mode.ANSWER;
    volatile long answerDelayMs = 20;
    /** What happened: "invite", "cancelled", "ack", "ended: BYE received", "notify: SIP/2.0 200 OK", ... */
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Dialog> dialogs = new CopyOnWriteArrayList<>();

    private Phone(String host) throws IOException {
        this.host = host;
        TransportSettings transports = new TransportSettings(List.of(new InetSocketAddress(host, 0)), List.of(), 1,
                TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, 65_507, 16_384);
        this.stack = SipStack.start(transports, TimerSettings.DEFAULTS);
        stack.register("INVITE", this);
        stack.core().defaultDialogListener(this);
        this.audio = new PhoneAudio(host);
    }

    static Phone start(String host) throws IOException {
        return new Phone(host);
    }

    InetSocketAddress sipAddress() {
        return stack.localAddress(SipTransport.UDP);
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

    // ---- calling ------------------------------------------------------------------------------------------------

    /** A call placed: the final response (null on timeout) and, when answered, the dialog. */
    static final class Call {
        final CompletableFuture<SipMessage> finalResponse = new CompletableFuture<>();
        volatile Dialog dialog;
        volatile ClientInvite invite;
    }

    /** Calls {@code user@gateway}, sending the INVITE to {@code gateway}; {@code headers} are "Name: value" lines. */
    Call call(String user, InetSocketAddress gateway, String... headers) {
        Call call = new Call();
        try {
            URI uri = SipFactories.addresses().createURI("sip:" + user + "@" + gateway.getAddress().getHostAddress()
                    + ":" + gateway.getPort());
            Address to = SipFactories.addresses().createAddress(uri);
            Address from = SipFactories.addresses().createAddress("sip:" + callerUser + "@" + host);
            SipMessage invite = stack.newRequest("INVITE", (URI) uri.clone(), from, to, SipTransport.UDP);
            for (String h : headers) {
                int colon = h.indexOf(':');
                invite.raw().addHeader(SipFactories.headers().createHeader(h.substring(0, colon),
                        h.substring(colon + 1).strip()));
            }
            withSdp(invite, "sendrecv");
            call.invite = stack.invite(invite, new NextHop(SipTransport.UDP, gateway), new InviteListener() {
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
                    Phone.this.onRequest(dialog, tx, request);
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

    /** The number calls come from. */
    volatile String callerUser = "+15557770001";

    /** Dials out as a rep: a 407 first, then again with credentials answering it. */
    Call callWithDigest(String number, InetSocketAddress gateway, String user) throws Exception {
        SipMessage challenge = call(number, gateway).finalResponse.get(5, TimeUnit.SECONDS);
        if (challenge == null || challenge.statusCode() != 407) {
            throw new AssertionError("expected 407, got " + challenge);
        }
        var params = DigestClient.challenge(challenge, "Proxy-Authenticate", "SHA-256");
        String uri = "sip:" + number + "@" + gateway.getAddress().getHostAddress() + ":" + gateway.getPort();
        String ha1 = DigestClient.ha1("SHA-256", user, TestCredentials.REALM, TestCredentials.password(user));
        return call(number, gateway, "Proxy-Authorization: " + DigestClient.credentials("SHA-256", user,
                TestCredentials.REALM, ha1, params.get("nonce"), "00000001", "cn1", "INVITE", uri));
    }

    /** Registers {@code user} at the gateway (401, then the password). */
    void register(InetSocketAddress gateway, String user) throws Exception {
        String uri = "sip:" + gateway.getAddress().getHostAddress() + ":" + gateway.getPort();
        SipMessage challenge = sendRegister(gateway, uri, user, null);
        var params = DigestClient.challenge(challenge, "WWW-Authenticate", "SHA-256");
        String ha1 = DigestClient.ha1("SHA-256", user, TestCredentials.REALM, TestCredentials.password(user));
        SipMessage ok = sendRegister(gateway, uri, user, DigestClient.credentials("SHA-256", user,
                TestCredentials.REALM, ha1, params.get("nonce"), "00000001", "cn1", "REGISTER", uri));
        if (ok.statusCode() != 200) {
            throw new AssertionError("REGISTER of " + user + " got " + ok);
        }
    }

    private SipMessage sendRegister(InetSocketAddress gateway, String uri, String user, String authorization)
            throws Exception {
        Address aor = SipFactories.addresses().createAddress("sip:" + user + "@" + TestCredentials.REALM);
        SipMessage register = stack.newRequest("REGISTER", SipFactories.addresses().createURI(uri), aor,
                (Address) aor.clone(), SipTransport.UDP);
        if (authorization != null) {
            register.raw().addHeader(SipFactories.headers().createHeader("Authorization", authorization));
        }
        CompletableFuture<SipMessage> response = new CompletableFuture<>();
        stack.send(register, new NextHop(SipTransport.UDP, gateway), new ClientTransactionUser() {
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

    /** Sends {@code frames} 20 ms PCMU frames of a tone to where the gateway wants our RTP. */
    void sendTone(double hz, int frames) throws IOException {
        audio.sendTone(hz, frames);
    }

    /** One key press as RFC 4733 sends it. */
    void sendDigit(int event) throws IOException {
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
            throw new AssertionError("bad SDP from the gateway: " + e.getMessage(), e);
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
        audio.close();
        stack.close();
    }
}
