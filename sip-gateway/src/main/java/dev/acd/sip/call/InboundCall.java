package dev.acd.sip.call;

import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.Command;
import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.MediaFailed;
import dev.acd.core.event.MenuChosen;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.model.Line;
import dev.acd.core.model.LineMenu;
import dev.acd.core.model.Reach;
import dev.acd.core.model.RoutingModel;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.DialogState;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.media.DtmfDecoder;
import dev.acd.sip.media.MediaBridge;
import dev.acd.sip.media.PcmSource;
import dev.acd.sip.media.Player;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.media.RtpPacket;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.registrar.Binding;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transaction.TransactionScheduler;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.message.SIPResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ReferToHeader;

/**
 * One customer's call from the trunk, from our answer to its end: music and announcements while it waits, the
 * router's offers to reps (forked to every registered phone), the bridge once a rep answers, hold, blind transfer,
 * callbacks, and the events of its life in the Simulator's order. Confined to the event loop of the caller's
 * dialog; commands hop there through {@link #deliver}.
 */
final class InboundCall implements CallHandle, DialogListener {
    private enum State { MENU, QUEUED, RINGING, CONNECTED, TRANSFERRED_OUT, ENDED }

    private static final char CALLBACK_KEY = '1';
    /** Why a caller who declined the callback offered at max wait is hung up on; the Simulator's words. */
    static final String MAX_WAIT = "max wait";
    /** Why a call is ended when no RTP port came free for the rep's leg during the offer's ring time. */
    static final String NO_RTP_PORT = "no RTP port for the rep's leg";
    private static final long MIN_RING_MS = 1_000;

    private final CallEnv env;
    private final long callId;
    private final String callerNumber;
    private final Line line;
    private final TransactionLayer layer;
    private final EventLoop loop;
    private final RtpEndpoint callerMedia;
    private final SdpNegotiator callerSdp;
    private final DtmfDecoder callerDtmf = new DtmfDecoder();
    private final DialogListener repLeg = new RepLeg();
    private Dialog callerDialog;
    private State state;
    private boolean released;

    private Player music;
    private Player prompt;
    private TransactionScheduler.Cancellable announceTimer;
    private TransactionScheduler.Cancellable callbackTimer;
    private boolean awaitingCallbackKey;
    private boolean afterMaxWait;
    private TransactionScheduler.Cancellable menuTimer;
    private boolean menuReplayed;

    private int offerToken;
    private String offeredRep;
    private Forks offer;
    private RtpEndpoint offerMedia;

    private String repId;
    private Dialog repDialog;
    private RtpEndpoint repMedia;
    private SdpNegotiator repSdp;
    private MediaBridge bridge;
    private boolean held;
    private RecordingSession recording;

    private Forks outside;
    private Dialog outsideDialog;
    private RtpEndpoint outsideMedia;
    /** The rep's dialog after a REFER to a number, until the final NOTIFY tells the trunk's answer. */
    private Dialog transferor;

    private LegKeepalive callerKeepalive;
    private LegKeepalive repKeepalive;
    private LegKeepalive outsideKeepalive;
    private MediaWatch mediaWatch;
    private TransactionScheduler.Cancellable portRetry;

    /**
     * @param line the line called; with a menu the call starts in it and is classified once the caller chose,
     *             without one the caller has already classified it
     */
    InboundCall(CallEnv env, long callId, String callerNumber, Line line, TransactionLayer layer, EventLoop loop,
            RtpEndpoint callerMedia, SdpNegotiator callerSdp) {
        this.env = env;
        this.callId = callId;
        this.callerNumber = callerNumber;
        this.line = line;
        this.state = line.menu() != null ? State.MENU : State.QUEUED;
        this.layer = layer;
        this.loop = loop;
        this.callerMedia = callerMedia;
        this.callerSdp = callerSdp;
    }

    /** Answers the caller's INVITE with our SDP and starts the line's menu or the music. On the loop. */
    void answer(ServerTransaction invite, Negotiation negotiation) {
        SipMessage ok = Sip.response(invite.request(), 200, null);
        Sip.withSdp(ok, negotiation.local());
        callerDialog = env.stack().core().answer(invite, ok, this);
        callerKeepalive = LegKeepalive.start(env.stack().core(), callerDialog, env.settings().keepaliveIntervalMs());
        callerMedia.configure(negotiation);
        callerMedia.active(true, (endpoint, silentMs) -> mediaFailed(Party.CUSTOMER, silentMs));
        callerMedia.listener(this::onCallerRtp);
        if (state == State.MENU) {
            playMenu();
        } else {
            waitWithMusic();
        }
    }

    @Override
    public void deliver(Command command) {
        if (loop.inEventLoop()) {
            onCommand(command);
        } else {
            loop.execute(() -> onCommand(command));
        }
    }

    private void onCommand(Command command) {
        if (command instanceof OfferCall o && state == State.QUEUED) {
            ring(o);
        } else if (command instanceof CancelOffer c && state == State.RINGING && c.repId().equals(offeredRep)) {
            cancelRinging();
            state = State.QUEUED;
        } else if (command instanceof HangUpCall h && state != State.ENDED && state != State.TRANSFERRED_OUT) {
            hangUpBySystem(h.reason());
        } else if (command instanceof OfferCallback o && (state == State.QUEUED || state == State.RINGING)) {
            offerCallback(o.afterMaxWait());
        } else {
            env.counters().ignoredCommands.increment();
        }
    }

    // ---- the line's DTMF menu ------------------------------------------------------------------------------------

    /** Plays the menu's prompt; a key counts during it, and the menu's timeout runs from its end. */
    private void playMenu() {
        stopPrompt();
        cancelMenuTimer();
        LineMenu menu = line.menu();
        prompt = Player.play(callerMedia, env.media().sounds().menuPrompt(menu), () -> {
            prompt = null;
            if (state == State.MENU) {
                awaitMenuKey(menu);
            }
        });
    }

    private void awaitMenuKey(LineMenu menu) {
        menuTimer = layer.scheduler().schedule(menu.timeoutSeconds() * 1000L, () -> {
            menuTimer = null;
            if (state == State.MENU) {
                menuChosen(null, menu.defaultQueue());
            }
        });
    }

    /** A key in the menu: an option picks its queue; any other key replays the prompt once, then means the default. */
    private void menuKey(char digit) {
        LineMenu menu = line.menu();
        String queue = menu.queueFor(digit);
        if (queue != null) {
            menuChosen(String.valueOf(digit), queue);
        } else if (!menuReplayed) {
            menuReplayed = true;
            playMenu();
        } else {
            menuChosen(null, menu.defaultQueue());
        }
    }

    /** The menu is done: {@code MenuChosen}, then the classification into that queue, then the wait with music. */
    private void menuChosen(String digit, String queueId) {
        cancelMenuTimer();
        stopPrompt();
        long now = env.now();
        env.publish(new MenuChosen(now, callId, digit, queueId));
        CallClassified classified;
        try {
            classified = env.classifier().get().classify(now, callId, line, callerNumber, queueId);
        } catch (RuntimeException e) {
            // the configuration changed under the menu; the caller cannot be queued anywhere sensible
            state = State.ENDED;
            env.publish(new CallEnded(now, callId, Party.SYSTEM, "menu: " + e.getMessage()));
            goodbyeThenHangUp();
            return;
        }
        state = State.QUEUED;
        env.publish(classified);
        waitWithMusic();
    }

    private void cancelMenuTimer() {
        if (menuTimer != null) {
            menuTimer.cancel();
            menuTimer = null;
        }
    }

    // ---- waiting: music, announcements, callback offers ---------------------------------------------------------

    private void waitWithMusic() {
        startMusic();
        scheduleAnnouncement();
    }

    private void startMusic() {
        if (music == null) {
            music = Player.play(callerMedia, env.media().sounds().holdMusic().get(), null);
        }
    }

    private void stopMusic() {
        if (music != null) {
            music.stop();
            music = null;
        }
    }

    private void stopPrompt() {
        if (prompt != null) {
            prompt.stop();
            prompt = null;
        }
    }

    private void scheduleAnnouncement() {
        long interval = env.settings().announceIntervalMs();
        if (interval > 0 && announceTimer == null) {
            announceTimer = layer.scheduler().schedule(interval, this::announce);
        }
    }

    /** The periodic prompt while waiting: thanks, position in the queue, expected wait (see CallSounds). */
    private void announce() {
        announceTimer = null;
        if (!waiting() || awaitingCallbackKey || prompt != null) {
            return;
        }
        stopMusic();
        prompt = Player.play(callerMedia, env.media().sounds().announcement(callId), () -> {
            prompt = null;
            if (waiting() && !awaitingCallbackKey) {
                waitWithMusic();
            }
        });
    }

    private boolean waiting() {
        return state == State.QUEUED || state == State.RINGING;
    }

    private void stopWaiting() {
        stopMusic();
        stopPrompt();
        if (announceTimer != null) {
            announceTimer.cancel();
            announceTimer = null;
        }
        if (callbackTimer != null) {
            callbackTimer.cancel();
            callbackTimer = null;
        }
        cancelMenuTimer();
        awaitingCallbackKey = false;
    }

    /**
     * Plays the callback prompt and waits for key 1, pressed during the prompt or within the timeout after it.
     * Declined (no key in time) after a callback tier, the call waits on; after max wait the router has let it go,
     * so the caller is hung up on as the Simulator does.
     */
    private void offerCallback(boolean maxWaitOver) {
        stopWaiting();
        awaitingCallbackKey = true;
        afterMaxWait = maxWaitOver;
        prompt = Player.play(callerMedia, env.media().sounds().callbackPrompt(), () -> {
            prompt = null;
            if (awaitingCallbackKey) {
                awaitCallbackKey(); // the time to press 1 runs from the end of the spoken offer
            }
        });
    }

    private void awaitCallbackKey() {
        callbackTimer = layer.scheduler().schedule(env.settings().callbackKeyTimeoutMs(), () -> {
            callbackTimer = null;
            if (awaitingCallbackKey) {
                awaitingCallbackKey = false;
                stopPrompt();
                if (afterMaxWait && waiting()) {
                    hangUpBySystem(MAX_WAIT);
                } else if (waiting()) {
                    waitWithMusic(); // a tier's offer: the router still has the call
                }
            }
        });
    }

    private void onCallerRtp(RtpEndpoint endpoint, ByteBuf packet) {
        int pt = RtpPacket.payloadType(packet);
        if (pt < 0 || pt != endpoint.telephoneEventPayloadType()) {
            return;
        }
        int index = packet.readerIndex() + RtpPacket.headerLength(packet);
        char digit = callerDtmf.onPacket(RtpPacket.timestamp(packet), packet, index, RtpPacket.payloadLength(packet));
        if (digit != 0) {
            onCallerDigit(digit);
        }
    }

    /** A key the caller pressed: a choice in the line's menu, or the callback key after a callback offer. */
    private void onCallerDigit(char digit) {
        if (state == State.MENU) {
            menuKey(digit);
            return;
        }
        if (!awaitingCallbackKey || digit != CALLBACK_KEY || !waiting()) {
            return;
        }
        if (state == State.RINGING) {
            cancelRinging();
        }
        stopWaiting();
        state = State.ENDED;
        env.publish(new CallbackRequested(env.now(), callId, callerNumber));
        sayThenHangUp(env.media().sounds().callbackConfirmed());
    }

    private void hangUpBySystem(String reason) {
        if (state == State.CONNECTED) {
            state = State.ENDED;
            env.publish(new CallEnded(env.now(), callId, Party.SYSTEM, reason));
            finishRecording();
            byeRep();
            byeCaller();
            release();
            return;
        }
        if (state == State.RINGING) {
            cancelRinging();
        }
        stopWaiting();
        state = State.ENDED;
        env.publish(new CallEnded(env.now(), callId, Party.SYSTEM, reason));
        goodbyeThenHangUp();
    }

    private void goodbyeThenHangUp() {
        sayThenHangUp(env.media().sounds().goodbye());
    }

    private void sayThenHangUp(PcmSource words) {
        prompt = Player.play(callerMedia, words, () -> {
            prompt = null;
            byeCaller();
            release();
        });
    }

    // ---- offers to reps -----------------------------------------------------------------------------------------

    private void ring(OfferCall command) {
        state = State.RINGING;
        offeredRep = command.repId();
        int token = ++offerToken;
        List<Forks.Target> targets;
        try {
            targets = targetsFor(command.repId(), command.reach());
        } catch (RuntimeException e) {
            targets = List.of();
        }
        if (targets.isEmpty()) {
            offerFailed(OfferFailure.UNREACHABLE);
            return;
        }
        openRepPort(command, targets, token, env.now() + command.ringTimeoutSeconds() * 1000L);
    }

    /**
     * Takes the rep leg's RTP port, then rings. No free port is our shortage, not the rep's failure: the rep is not
     * charged with a failed offer; the port is tried again every {@code portRetryMs} while the offer's ring time
     * lasts (the caller keeps hearing music), and when none came free the call ends with a system reason, which
     * frees the rep for the next call.
     */
    private void openRepPort(OfferCall command, List<Forks.Target> forks, int token, long giveUpAtMs) {
        env.media().endpoints().open(loop).whenComplete((endpoint, error) -> onLoop(() -> {
            if (error != null) {
                env.counters().rtpPortShortages.increment();
                if (token != offerToken || state != State.RINGING) {
                    return;
                }
                long retryMs = env.settings().portRetryMs();
                if (env.now() + retryMs < giveUpAtMs) {
                    portRetry = layer.scheduler().schedule(retryMs, () -> {
                        portRetry = null;
                        if (token == offerToken && state == State.RINGING) {
                            openRepPort(command, forks, token, giveUpAtMs);
                        }
                    });
                } else {
                    env.counters().systemEnded.increment();
                    hangUpBySystem(NO_RTP_PORT);
                }
                return;
            }
            if (token != offerToken || state != State.RINGING) {
                endpoint.close(); // cancelled while the port was being bound
                return;
            }
            offerMedia = endpoint;
            SdpNegotiator sdp = env.negotiator();
            SessionDescription sdpOffer = sdp.offer(endpoint.localPort(), MediaDirection.SENDRECV);
            // a port that came free late rings for what is left of the offer's time, the router's ring timeout
            long ringMs = Math.max(MIN_RING_MS, Math.min(command.ringTimeoutSeconds() * 1000L,
                    giveUpAtMs - env.now()));
            offer = new Forks(env, layer, sdp, sdpOffer, callerAddress(), forks, ringMs, new Forks.Outcome() {
                        @Override
                        public void answered(Dialog dialog, Negotiation negotiation) {
                            if (token != offerToken || state != State.RINGING) {
                                // called off (the caller left, the router cancelled) while the 2xx was on its way:
                                // it is already ACKed, so the rep's leg is hung up (RFC 3261 section 15)
                                endpoint.close();
                                env.stack().core().bye(dialog);
                                return;
                            }
                            offer = null;
                            connect(command.repId(), dialog, endpoint, sdp, negotiation);
                        }

                        @Override
                        public void failed(OfferFailure failure, int status) {
                            if (token != offerToken || state != State.RINGING) {
                                return;
                            }
                            offer = null;
                            closeOfferMedia();
                            offerFailed(failure);
                        }
                    });
            offer.start();
        }));
    }

    /** Where the rep is rung: each registered phone, a number through the trunk, or a partner's SIP URI. */
    private List<Forks.Target> targetsFor(String rep, Reach reach) {
        List<Forks.Target> targets = new ArrayList<>();
        switch (reach.kind()) {
            case SOFTPHONE -> {
                for (Binding binding : env.bindings().bindingsOf(rep)) {
                    URI contact = uri(binding.contact());
                    targets.add(new Forks.Target(contact, new NextHop(binding.transport(), binding.source())));
                }
            }
            case OUTSIDE_NUMBER -> {
                if (env.settings().trunk() != null) {
                    targets.add(trunkTarget(reach.address()));
                }
            }
            case SIP_URI -> {
                URI uri = uri(reach.address());
                targets.add(new Forks.Target(uri, NextHop.of(uri, SipTransport.UDP)));
            }
        }
        return targets;
    }

    private Forks.Target trunkTarget(String number) {
        return Forks.trunkTarget(env.settings().trunk(), number);
    }

    private static URI uri(String text) {
        try {
            return SipFactories.addresses().createURI(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a URI: " + text, e);
        }
    }

    /** The From of our INVITEs to reps: the customer's number at our address, so phones show who calls. */
    private Address callerAddress() {
        var local = env.stack().localAddress(SipTransport.UDP);
        return Sip.address(callerNumber == null ? "anonymous" : callerNumber, local.getAddress().getHostAddress(),
                local.getPort());
    }

    private void offerFailed(OfferFailure failure) {
        state = State.QUEUED;
        String rep = offeredRep;
        offeredRep = null;
        env.publish(new OfferFailed(env.now(), callId, rep, failure));
    }

    private void cancelRinging() {
        offerToken++;
        if (portRetry != null) {
            portRetry.cancel();
            portRetry = null;
        }
        if (offer != null) {
            offer.cancel();
            offer = null;
        }
        closeOfferMedia();
        offeredRep = null;
    }

    private void closeOfferMedia() {
        if (offerMedia != null) {
            offerMedia.close();
            offerMedia = null;
        }
    }

    // ---- connected ----------------------------------------------------------------------------------------------

    private void connect(String rep, Dialog dialog, RtpEndpoint endpoint, SdpNegotiator sdp, Negotiation negotiation) {
        state = State.CONNECTED;
        offeredRep = null;
        offerMedia = null;
        repId = rep;
        repDialog = dialog;
        repMedia = endpoint;
        repSdp = sdp;
        dialog.listener(repLeg);
        repKeepalive = LegKeepalive.start(env.stack().core(), dialog, env.settings().keepaliveIntervalMs());
        endpoint.configure(negotiation);
        endpoint.active(true, (e, silentMs) -> mediaFailed(Party.REP, silentMs));
        watchMedia(endpoint);
        stopWaiting();
        env.publish(new CallAnswered(env.now(), callId, rep));
        if (recording == null) {
            CallRecordings.Recording opened = env.recordings().open(callId);
            recording = opened == null ? null : new RecordingSession(opened);
        }
        bridge = MediaBridge.connect(callerMedia, endpoint, recording == null ? null : recording.tapForBridge(), null);
    }

    /** What the rep's dialog brings: hold and resume (re-INVITE), blind transfer (REFER), the rep's BYE. */
    private final class RepLeg implements DialogListener {
        @Override
        public void onRequest(Dialog dialog, ServerTransaction tx, SipMessage request) {
            if (dialog != repDialog || state != State.CONNECTED) {
                tx.respondFromAnyThread(Sip.response(request, 481, null));
            } else if ("INVITE".equals(request.method())) {
                repReInvite(tx, request);
            } else if ("REFER".equals(request.method())) {
                refer(tx, request);
            } else {
                DialogListener.super.onRequest(dialog, tx, request);
            }
        }

        @Override
        public void onTerminated(Dialog dialog, String reason) {
            if (dialog == repDialog && state == State.CONNECTED) {
                repHungUp(reason);
            }
        }
    }

    private void repReInvite(ServerTransaction tx, SipMessage request) {
        Negotiation negotiation = Sip.answerReInvite(tx, request, repSdp, repMedia);
        if (negotiation == null) {
            return;
        }
        if (negotiation.heldByPeer() && !held) {
            held = true;
            bridge.hold(true);
            MediaWatch.paused(mediaWatch, true);
            startMusic();
            env.publish(new CallHeld(env.now(), callId));
        } else if (!negotiation.heldByPeer() && held) {
            held = false;
            stopMusic();
            bridge.hold(false);
            MediaWatch.paused(mediaWatch, false);
            env.publish(new CallResumed(env.now(), callId));
        }
    }

    /**
     * RFC 3515 blind transfer: 202, the rep leg ends after a NOTIFY, the customer waits again or goes out. Refused
     * (the call stays with the rep): an unknown target 404, a rep who is not logged in 480, a number the dial rules
     * forbid 403, a number without a trunk 503.
     */
    private void refer(ServerTransaction tx, SipMessage request) {
        ReferToHeader referTo = (ReferToHeader) request.raw().getHeader(ReferToHeader.NAME);
        if (referTo == null || referTo.getAddress() == null) {
            tx.respondFromAnyThread(Sip.response(request, 400, "Bad Request: REFER without Refer-To"));
            return;
        }
        URI uri = referTo.getAddress().getURI();
        // a global tel: number keeps its '+' (RFC 3966), which the RI's getPhoneNumber() leaves out
        String target = uri instanceof TelURL tel ? (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber()
                : Sip.userOf(uri);
        TransferTarget kind = kindOf(target);
        if (kind == null) {
            tx.respondFromAnyThread(Sip.response(request, 404, "Not Found: no queue, rep or number '" + target + "'"));
            return;
        }
        if (kind == TransferTarget.REP && !env.presence().get().loggedIn(target)) {
            // A real ACD does not park the customer on a rep who cannot take calls: the call stays with the rep
            // (RFC 3515 section 2.4.2, no subscription) and the rep picks another target.
            tx.respondFromAnyThread(Sip.response(request, 480, "Temporarily Unavailable: rep " + target
                    + " is not logged in"));
            return;
        }
        if (kind == TransferTarget.NUMBER && env.settings().trunk() == null) {
            tx.respondFromAnyThread(Sip.response(request, 503, "Service Unavailable: no trunk for numbers"));
            return;
        }
        Optional<String> refusal = kind == TransferTarget.NUMBER ? env.settings().dialRules().refusal(target)
                : Optional.empty();
        if (refusal.isPresent()) {
            // RFC 3515 section 2.4.2: a refused REFER creates no subscription; the call stays with the rep
            tx.respondFromAnyThread(Sip.response(request, 403, "Forbidden: " + refusal.get()));
            return;
        }
        tx.respondFromAnyThread(Sip.response(request, 202, null));
        Dialog leaving = repDialog;
        String transferring = repId;
        LegKeepalive.stop(repKeepalive);
        repKeepalive = null;
        MediaWatch.stop(mediaWatch);
        mediaWatch = null;
        repDialog = null;
        repId = null;
        bridge.disconnect();
        bridge = null;
        repMedia.close();
        repMedia = null;
        if (held) {
            held = false;
            stopMusic();
        }
        if (recording != null) {
            recording.pause();
        }
        env.publish(new CallTransferred(env.now(), callId, transferring, kind, target));
        if (kind == TransferTarget.NUMBER) {
            // RFC 3515 section 2.4.4: a NOTIFY at once; the final one when the trunk has answered (transferSettled)
            transferor = leaving;
            notifyRefer(leaving, "100 Trying", false);
            transferOut(target);
        } else {
            notifyRefer(leaving, "200 OK", true);
            state = State.QUEUED;
            waitWithMusic();
        }
    }

    private TransferTarget kindOf(String target) {
        if (target == null || target.isEmpty()) {
            return null;
        }
        RoutingModel model = env.model().get();
        if (model != null && model.queue(target).isPresent()) {
            return TransferTarget.QUEUE;
        }
        if (model != null && model.rep(target).isPresent()) {
            return TransferTarget.REP;
        }
        return target.matches("\\+?[0-9]{2,20}") ? TransferTarget.NUMBER : null;
    }

    /**
     * A NOTIFY of the REFER's implicit subscription (RFC 3515 sections 2.4.4-2.4.5) whose sipfrag is the status line
     * {@code status} (e.g. "200 OK"); the final one ends the subscription and is followed by BYE.
     */
    private void notifyRefer(Dialog dialog, String status, boolean last) {
        SipMessage notify = dialog.createRequest("NOTIFY");
        Sip.header(notify, "Event", "refer");
        Sip.header(notify, "Subscription-State", last ? "terminated;reason=noresource" : "active;expires=60");
        try {
            ContentTypeHeader type = SipFactories.headers().createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            notify.raw().setContent("SIP/2.0 " + status + "\r\n", type);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the sipfrag body", e);
        }
        env.stack().core().sendInDialog(dialog, notify, new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
                if (last && response.statusCode() >= 200) {
                    env.stack().core().bye(dialog);
                }
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                if (last) {
                    env.stack().core().bye(dialog);
                }
            }
        });
    }

    /** The trunk's answer to a transfer to a number, told to the transferring rep (unless they hung up already). */
    private void transferSettled(int status) {
        Dialog dialog = transferor;
        transferor = null;
        if (dialog != null && dialog.state() != DialogState.TERMINATED) {
            notifyRefer(dialog, status + " " + SIPResponse.getReasonPhrase(status), true);
        }
    }

    /** A transfer to a number: the customer is bridged to a new trunk leg; the call has left the center. */
    private void transferOut(String number) {
        state = State.TRANSFERRED_OUT;
        startMusic();
        finishRecording();
        env.forget(callId);
        env.media().endpoints().open(loop).whenComplete((endpoint, error) -> onLoop(() -> {
            if (error != null) {
                env.counters().rtpPortShortages.increment();
            }
            if (error != null || state != State.TRANSFERRED_OUT) {
                if (endpoint != null) {
                    endpoint.close();
                }
                if (error != null) {
                    transferSettled(503);
                    byeCaller();
                    release();
                }
                return;
            }
            outsideMedia = endpoint;
            SdpNegotiator sdp = env.negotiator();
            outside = new Forks(env, layer, sdp, sdp.offer(endpoint.localPort(), MediaDirection.SENDRECV),
                    callerAddress(), List.of(trunkTarget(number)), env.settings().dialTimeoutMs(),
                    new Forks.Outcome() {
                        @Override
                        public void answered(Dialog dialog, Negotiation negotiation) {
                            outside = null;
                            outsideDialog = dialog;
                            outsideKeepalive = LegKeepalive.start(env.stack().core(), dialog,
                                    env.settings().keepaliveIntervalMs());
                            dialog.listener(new DialogListener() {
                                @Override
                                public void onTerminated(Dialog d, String reason) {
                                    if (state == State.TRANSFERRED_OUT) {
                                        state = State.ENDED;
                                        byeCaller();
                                        release();
                                    }
                                }
                            });
                            endpoint.configure(negotiation);
                            stopMusic();
                            bridge = MediaBridge.connect(callerMedia, endpoint, null, null);
                            transferSettled(200);
                            watchMedia(endpoint);
                        }

                        @Override
                        public void failed(OfferFailure failure, int status) {
                            outside = null;
                            transferSettled(status >= 300 ? status : 408);
                            if (state == State.TRANSFERRED_OUT) {
                                state = State.ENDED;
                                byeCaller();
                                release();
                            }
                        }
                    });
            outside.start();
        }));
    }

    // ---- endings ------------------------------------------------------------------------------------------------

    /** The caller's dialog ended: their BYE (or CANCEL crossing our answer), or no ACK for our 2xx. */
    @Override
    public void onTerminated(Dialog dialog, String reason) {
        if (dialog != callerDialog) {
            return;
        }
        switch (state) {
            case MENU, QUEUED -> {
                state = State.ENDED;
                stopWaiting();
                env.publish(new CallAbandoned(env.now(), callId));
            }
            case RINGING -> {
                state = State.ENDED;
                cancelRinging();
                stopWaiting();
                env.publish(new CallAbandoned(env.now(), callId));
            }
            case CONNECTED -> {
                state = State.ENDED;
                String lost = LegKeepalive.lost(callerKeepalive);
                env.publish(lost == null ? new CallEnded(env.now(), callId, Party.CUSTOMER, endReason(reason))
                        : new CallEnded(env.now(), callId, Party.SYSTEM, "customer leg lost: " + lost));
                if (lost != null) {
                    env.counters().systemEnded.increment();
                }
                finishRecording();
                byeRep();
            }
            case TRANSFERRED_OUT -> {
                state = State.ENDED;
                if (outside != null) {
                    outside.cancel();
                    transferSettled(487);
                }
                if (outsideDialog != null) {
                    env.stack().core().bye(outsideDialog);
                }
            }
            case ENDED -> {
            }
        }
        release();
    }

    /** The caller's re-INVITE (a session refresh or a new address): answered, the call goes on. */
    @Override
    public void onRequest(Dialog dialog, ServerTransaction tx, SipMessage request) {
        if (!"INVITE".equals(request.method())) {
            DialogListener.super.onRequest(dialog, tx, request);
            return;
        }
        try {
            SessionDescription sdpOffer = Sip.sdpOf(request);
            if (sdpOffer == null) {
                tx.respondFromAnyThread(Sip.response(request, 488, "Not Acceptable Here: a re-INVITE needs an SDP offer"));
                return;
            }
            Negotiation negotiation = callerSdp.answer(sdpOffer, callerMedia.localPort(), MediaDirection.SENDRECV);
            SipMessage ok = Sip.response(request, 200, null);
            Sip.withSdp(ok, negotiation.local());
            tx.respondFromAnyThread(ok);
            callerMedia.configure(negotiation);
        } catch (SdpException e) {
            tx.respondFromAnyThread(Sip.response(request, e.sipStatus(), e.getMessage()));
        }
    }

    private void repHungUp(String reason) {
        state = State.ENDED;
        repDialog = null;
        String lost = LegKeepalive.lost(repKeepalive);
        env.publish(lost == null ? new CallEnded(env.now(), callId, Party.REP, endReason(reason))
                : new CallEnded(env.now(), callId, Party.SYSTEM, "rep leg lost: " + lost));
        if (lost != null) {
            env.counters().systemEnded.increment();
        }
        finishRecording();
        byeCaller();
        release();
    }

    private static String endReason(String dialogReason) {
        return "BYE received".equals(dialogReason) ? "BYE" : dialogReason;
    }

    private void byeCaller() {
        if (callerDialog != null) {
            env.stack().core().bye(callerDialog);
        }
    }

    private void byeRep() {
        Dialog dialog = repDialog;
        repDialog = null;
        if (dialog != null) {
            env.stack().core().bye(dialog);
        }
    }

    private void finishRecording() {
        if (bridge != null) {
            bridge.disconnect();
            bridge = null;
        }
        RecordingSession session = recording;
        recording = null;
        if (session == null) {
            return;
        }
        session.close().whenComplete((file, error) -> {
            if (file != null) {
                env.publish(new RecordingReady(env.now(), callId, file.path(), file.durationMs()));
            }
        });
    }

    /** Watches the bridge just made (caller and rep, or caller and outside number) for media dead both ways. */
    private void watchMedia(RtpEndpoint other) {
        MediaWatch.stop(mediaWatch);
        mediaWatch = MediaWatch.start(layer.scheduler(), env::now, List.of(callerMedia, other),
                env.settings().rtpTimeoutMs(), this::mediaDead);
    }

    private void mediaDead(long silentMs) {
        mediaWatch = null;
        String reason = "no RTP from either side for " + silentMs / 1000 + " s";
        if (state == State.CONNECTED) {
            env.counters().systemEnded.increment();
            hangUpBySystem(reason);
        } else if (state == State.TRANSFERRED_OUT) {
            state = State.ENDED;
            if (outsideDialog != null) {
                env.stack().core().bye(outsideDialog);
            }
            byeCaller();
            release();
        }
    }

    private void mediaFailed(Party leg, long silentMs) {
        env.counters().mediaFailures.increment();
        env.publish(new MediaFailed(env.now(), callId, leg, "no RTP for " + silentMs + " ms"));
    }

    /** Gives back every resource; idempotent. */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        state = State.ENDED;
        stopWaiting();
        transferSettled(487);
        if (portRetry != null) {
            portRetry.cancel();
            portRetry = null;
        }
        LegKeepalive.stop(callerKeepalive);
        LegKeepalive.stop(repKeepalive);
        LegKeepalive.stop(outsideKeepalive);
        MediaWatch.stop(mediaWatch);
        if (offer != null) {
            offer.cancel();
        }
        if (outside != null) {
            outside.cancel();
        }
        // a call transferred back to a queue keeps its paused recording; whatever ends it must close the file
        finishRecording();
        callerMedia.close();
        closeOfferMedia();
        if (repMedia != null) {
            repMedia.close();
        }
        if (outsideMedia != null) {
            outsideMedia.close();
        }
        env.forget(callId);
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
