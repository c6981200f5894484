package dev.acd.sip.call;

import dev.acd.core.command.Command;
import dev.acd.core.command.HangUpCall;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.MediaFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.model.Direction;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.media.MediaBridge;
import dev.acd.sip.media.Player;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A rep's call out through the trunk: the rep's INVITE is held (provisional responses relayed) until the trunk
 * answers, then both legs are answered and bridged, the customer's side being the trunk leg. Either BYE ends it.
 * Confined to the event loop of the rep's INVITE.
 */
final class OutboundCall implements CallHandle {
    private enum State { STARTING, DIALLING, CONNECTED, ENDED }

    private final CallEnv env;
    private final ServerTransaction invite;
    private final String repId;
    private final String number;
    private final SessionDescription repOffer;
    private final TransactionLayer layer;
    private final EventLoop loop;
    private final LongSupplier callIds;
    private final Map<ServerTransaction, OutboundCall> dialling;
    private final DialogListener repLeg = new RepLeg();
    private State state = State.STARTING;
    private long callId;
    private RtpEndpoint repMedia;
    private RtpEndpoint trunkMedia;
    private SdpNegotiator repSdp;
    private Negotiation repNegotiation;
    private Forks trunk;
    private Dialog repDialog;
    private Dialog trunkDialog;
    private MediaBridge bridge;
    private LegKeepalive repKeepalive;
    private LegKeepalive trunkKeepalive;
    private MediaWatch mediaWatch;
    private RecordingSession recording;
    private boolean ringingSent;
    private boolean held;
    private Player music;

    OutboundCall(CallEnv env, ServerTransaction invite, String repId, String number, SessionDescription repOffer,
            TransactionLayer layer, EventLoop loop, LongSupplier callIds, Map<ServerTransaction, OutboundCall> dialling) {
        this.env = env;
        this.invite = invite;
        this.repId = repId;
        this.number = number;
        this.repOffer = repOffer;
        this.layer = layer;
        this.loop = loop;
        this.callIds = callIds;
        this.dialling = dialling;
    }

    void start() {
        env.media().endpoints().open(loop).whenComplete((rep, error) -> CallControl.onLoop(loop, () -> {
            if (error != null) {
                portShortage(error);
                return;
            }
            repMedia = rep;
            env.media().endpoints().open(loop).whenComplete((out, outError) -> CallControl.onLoop(loop, () -> {
                if (outError != null) {
                    portShortage(outError);
                    return;
                }
                trunkMedia = out;
                dial();
            }));
        }));
    }

    private void dial() {
        if (!CallControl.stillProceeding(invite)) {
            closeMedia(); // the rep cancelled while ports were bound; nothing was published
            return;
        }
        repSdp = env.negotiator();
        try {
            repNegotiation = repSdp.answer(repOffer, repMedia.localPort(), MediaDirection.SENDRECV);
        } catch (SdpException e) {
            refuse(e.sipStatus(), e.getMessage());
            return;
        }
        callId = callIds.getAsLong();
        long now = env.now();
        env.ownership().claim(callId);
        env.calls().put(callId, this); // before the first event: the router's commands may come back at once
        if (!env.publisher().tryPublish(new CallArrived(now, callId, Direction.OUTBOUND, null,
                env.settings().callerId(), number, repId))) {
            env.calls().remove(callId);
            env.ownership().release(callId);
            refuse(503, "Service Unavailable: the router is saturated");
            return;
        }
        env.publish(env.classifier().get().classifyOutbound(now, callId, number));
        env.counters().outbound.increment();
        state = State.DIALLING;
        SdpNegotiator trunkSdp = env.negotiator();
        var local = env.stack().localAddress(SipTransport.UDP);
        trunk = new Forks(env, layer, trunkSdp, trunkSdp.offer(trunkMedia.localPort(), MediaDirection.SENDRECV),
                Sip.address(env.settings().callerId(), local.getAddress().getHostAddress(), local.getPort()),
                List.of(Forks.trunkTarget(env.settings().trunk(), number)), env.settings().dialTimeoutMs(),
                new Forks.Outcome() {
                    @Override
                    public void provisional(SipMessage response) {
                        int status = response.statusCode();
                        if (!ringingSent && status >= 180 && status < 200 && CallControl.stillProceeding(invite)) {
                            ringingSent = true;
                            env.stack().core().answer(invite, Sip.response(invite.request(), 180, null), repLeg);
                        }
                    }

                    @Override
                    public void answered(Dialog dialog, Negotiation negotiation) {
                        connect(dialog, negotiation);
                    }

                    @Override
                    public void failed(OfferFailure failure, int status) {
                        trunkFailed(status);
                    }
                });
        trunk.start();
    }

    private void connect(Dialog dialog, Negotiation negotiation) {
        dialling.remove(invite);
        if (state != State.DIALLING || !CallControl.stillProceeding(invite)) {
            env.stack().core().bye(dialog);
            return;
        }
        trunkDialog = dialog;
        dialog.listener(new TrunkLeg());
        trunkMedia.configure(negotiation);
        trunkMedia.active(true, (e, silentMs) -> mediaFailed(Party.CUSTOMER, silentMs));
        SipMessage ok = Sip.response(invite.request(), 200, null);
        Sip.withSdp(ok, repNegotiation.local());
        repDialog = env.stack().core().answer(invite, ok, repLeg);
        repMedia.configure(repNegotiation);
        repMedia.active(true, (e, silentMs) -> mediaFailed(Party.REP, silentMs));
        state = State.CONNECTED;
        long keepaliveMs = env.settings().keepaliveIntervalMs();
        repKeepalive = LegKeepalive.start(env.stack().core(), repDialog, keepaliveMs);
        trunkKeepalive = LegKeepalive.start(env.stack().core(), trunkDialog, keepaliveMs);
        mediaWatch = MediaWatch.start(layer.scheduler(), env::now, List.of(repMedia, trunkMedia),
                env.settings().rtpTimeoutMs(), this::mediaDead);
        env.publish(new CallAnswered(env.now(), callId, repId));
        CallRecordings.Recording opened = env.recordings().open(callId);
        recording = opened == null ? null : new RecordingSession(opened);
        bridge = MediaBridge.connect(trunkMedia, repMedia, recording == null ? null : recording.tapForBridge(), null);
    }

    private void trunkFailed(int status) {
        dialling.remove(invite);
        if (state != State.DIALLING) {
            return;
        }
        state = State.ENDED;
        int relayed = status >= 400 && status != 487 ? status : status == 0 ? 408 : 480;
        if (CallControl.stillProceeding(invite)) {
            invite.respond(Sip.response(invite.request(), relayed, null));
        }
        env.publish(new CallEnded(env.now(), callId, Party.SYSTEM,
                status == 0 ? "trunk did not answer" : "trunk answered " + status));
        release();
    }

    /** The rep's CANCEL reached the core, which answered 487: the trunk leg is cancelled. */
    void cancelledByRep() {
        CallControl.onLoop(loop, () -> {
            if (state != State.DIALLING) {
                return; // still starting: dial() sees the 487 and gives up
            }
            state = State.ENDED;
            trunk.cancel();
            env.publish(new CallEnded(env.now(), callId, Party.REP, "cancelled"));
            release();
        });
    }

    @Override
    public void deliver(Command command) {
        CallControl.onLoop(loop, () -> {
            if (command instanceof HangUpCall h && state != State.ENDED) {
                State was = state;
                state = State.ENDED;
                env.publish(new CallEnded(env.now(), callId, Party.SYSTEM, h.reason()));
                if (was == State.DIALLING) {
                    trunk.cancel();
                    if (CallControl.stillProceeding(invite)) {
                        invite.respond(Sip.response(invite.request(), 480, null));
                    }
                }
                finishRecording();
                bye(repDialog);
                bye(trunkDialog);
                release();
            } else {
                env.counters().ignoredCommands.increment();
            }
        });
    }

    /** The rep's dialog: hold and resume by re-INVITE, hang-up. */
    private final class RepLeg implements DialogListener {
        @Override
        public void onRequest(Dialog dialog, ServerTransaction tx, SipMessage request) {
            if (!"INVITE".equals(request.method()) || state != State.CONNECTED) {
                DialogListener.super.onRequest(dialog, tx, request);
                return;
            }
            Negotiation negotiation = Sip.answerReInvite(tx, request, repSdp, repMedia);
            if (negotiation == null) {
                return;
            }
            if (negotiation.heldByPeer() && !held) {
                held = true;
                bridge.hold(true);
                MediaWatch.paused(mediaWatch, true);
                music = Player.play(trunkMedia, env.media().sounds().holdMusic().get(), null);
                env.publish(new CallHeld(env.now(), callId));
            } else if (!negotiation.heldByPeer() && held) {
                held = false;
                stopMusic();
                bridge.hold(false);
                MediaWatch.paused(mediaWatch, false);
                env.publish(new CallResumed(env.now(), callId));
            }
        }

        @Override
        public void onTerminated(Dialog dialog, String reason) {
            if (dialog == repDialog && state == State.CONNECTED) {
                state = State.ENDED;
                env.publish(ended(Party.REP, repKeepalive, "rep", reason));
                finishRecording();
                bye(trunkDialog);
                release();
            }
        }
    }

    /** The customer's (trunk) dialog: their hang-up. */
    private final class TrunkLeg implements DialogListener {
        @Override
        public void onTerminated(Dialog dialog, String reason) {
            if (state == State.CONNECTED) {
                state = State.ENDED;
                env.publish(ended(Party.CUSTOMER, trunkKeepalive, "customer", reason));
                finishRecording();
                bye(repDialog);
                release();
            }
        }
    }

    /** The end of a leg: the party's hang-up, or the system's when the keepalive found the leg gone. */
    private CallEnded ended(Party party, LegKeepalive keepalive, String leg, String reason) {
        String lost = LegKeepalive.lost(keepalive);
        if (lost == null) {
            return new CallEnded(env.now(), callId, party, "BYE received".equals(reason) ? "BYE" : reason);
        }
        env.counters().systemEnded.increment();
        return new CallEnded(env.now(), callId, Party.SYSTEM, leg + " leg lost: " + lost);
    }

    private void mediaDead(long silentMs) {
        mediaWatch = null;
        if (state != State.CONNECTED) {
            return;
        }
        state = State.ENDED;
        env.counters().systemEnded.increment();
        env.publish(new CallEnded(env.now(), callId, Party.SYSTEM,
                "no RTP from either side for " + silentMs / 1000 + " s"));
        finishRecording();
        bye(repDialog);
        bye(trunkDialog);
        release();
    }

    private void bye(Dialog dialog) {
        if (dialog != null) {
            env.stack().core().bye(dialog);
        }
    }

    private void stopMusic() {
        if (music != null) {
            music.stop();
            music = null;
        }
    }

    private void finishRecording() {
        if (bridge != null) {
            bridge.disconnect();
            bridge = null;
        }
        RecordingSession session = recording;
        recording = null;
        if (session != null) {
            session.close().whenComplete((file, error) -> {
                if (file != null) {
                    env.publish(new RecordingReady(env.now(), callId, file.path(), file.durationMs()));
                }
            });
        }
    }

    private void mediaFailed(Party leg, long silentMs) {
        env.counters().mediaFailures.increment();
        env.publish(new MediaFailed(env.now(), callId, leg, "no RTP for " + silentMs + " ms"));
    }

    private void portShortage(Throwable error) {
        env.counters().rtpPortShortages.increment();
        dialling.remove(invite);
        env.counters().refused.increment();
        if (CallControl.stillProceeding(invite)) {
            invite.respond(CallControl.serviceUnavailable(invite.request(), "Service Unavailable: "
                    + error.getMessage()));
        }
        closeMedia();
    }

    private void refuse(int status, String reason) {
        dialling.remove(invite);
        env.counters().refused.increment();
        if (CallControl.stillProceeding(invite)) {
            invite.respond(Sip.response(invite.request(), status, reason));
        }
        closeMedia();
    }

    private void closeMedia() {
        if (repMedia != null) {
            repMedia.close();
        }
        if (trunkMedia != null) {
            trunkMedia.close();
        }
    }

    private void release() {
        stopMusic();
        LegKeepalive.stop(repKeepalive);
        LegKeepalive.stop(trunkKeepalive);
        MediaWatch.stop(mediaWatch);
        if (bridge != null) {
            bridge.disconnect();
            bridge = null;
        }
        closeMedia();
        env.forget(callId);
    }
}
