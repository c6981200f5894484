package dev.acd.sipserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.media.RtpPacket;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.sdp.Codec;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SdpParser;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionScheduler;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.RequestHandler;
import dev.acd.sip.ua.UserAgentCore;

/**
 * The built-in test line: rings (180) for the configured time, answers with SDP, sends every RTP packet it gets
 * back to where it came from, and hangs up when the caller sends BYE. Operators dial it to check a softphone or a
 * trunk end to end (signalling, NAT, media) without any rep; tests dial it with SIPp. A CANCEL while it rings ends
 * the attempt with 487 (the UA core answers). No call of the ACD is made and nothing is journaled.
 *
 * <p>Threading: each attempt is handled on the INVITE's event loop; the RTP endpoint lives on a loop of its own and
 * echoes there.
 */
final class EchoLine implements RequestHandler {
    /** Test calls held at once; past it a caller gets 486, so the line cannot eat the RTP port range. */
    static final int MAX_CALLS = 50;

    private final UserAgentCore core;
    private final RtpEndpoints endpoints;
    private final Supplier<EventLoop> loops;
    private final InetAddress sdpAddress;
    private final long ringMs;
    private final Map<ServerTransaction, Attempt> ringing = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final LongAdder answered = new LongAdder();

    EchoLine(UserAgentCore core, RtpEndpoints endpoints, Supplier<EventLoop> loops, InetAddress sdpAddress,
             long ringMs) {
        this.core = core;
        this.endpoints = endpoints;
        this.loops = loops;
        this.sdpAddress = sdpAddress;
        this.ringMs = ringMs;
    }

    /** Test calls answered since start. */
    long answered() {
        return answered.sum();
    }

    /** Test calls ringing or answered now. */
    int live() {
        return live.get();
    }

    @Override
    public void onRequest(ServerTransaction tx, SipMessage invite, InetSocketAddress remote, SipTransport transport) {
        SessionDescription offer;
        try {
            byte[] body = invite.raw().getRawContent();
            if (body == null || body.length == 0) {
                tx.respond(SipResponses.create(invite, 488, "Not Acceptable Here: the test line needs an SDP offer"));
                return;
            }
            offer = SdpParser.parse(new String(body, StandardCharsets.UTF_8));
        } catch (SdpException e) {
            tx.respond(SipResponses.create(invite, e.sipStatus(), null));
            return;
        }
        if (live.incrementAndGet() > MAX_CALLS) {
            live.decrementAndGet();
            tx.respond(SipResponses.create(invite, 486, "Busy Here: " + MAX_CALLS + " test calls already"));
            return;
        }
        Attempt attempt = new Attempt(tx, invite, offer);
        ringing.put(tx, attempt);
        // the 180 makes the early dialog, so it must carry our listener: the 200 only confirms that dialog
        core.answer(tx, SipResponses.create(invite, 180, null), attempt);
        TransactionScheduler scheduler = tx.context().layer().scheduler();
        scheduler.schedule(ringMs, attempt::rang);
        endpoints.open(loops.get()).whenComplete((endpoint, failure) ->
                tx.context().layer().execute(() -> attempt.mediaReady(endpoint, failure)));
    }

    @Override
    public void onCancelled(ServerTransaction invite, SipMessage cancel) {
        Attempt attempt = ringing.remove(invite);
        if (attempt != null) {
            attempt.end();
        }
    }

    /** One call to the line, from INVITE to BYE; its fields are touched on the INVITE's loop only. */
    private final class Attempt implements DialogListener {
        private final ServerTransaction tx;
        private final SipMessage invite;
        private final SessionDescription offer;
        private RtpEndpoint endpoint;
        private Negotiation negotiation;
        private boolean rang;
        private boolean over;

        Attempt(ServerTransaction tx, SipMessage invite, SessionDescription offer) {
            this.tx = tx;
            this.invite = invite;
            this.offer = offer;
        }

        void rang() {
            rang = true;
            answerWhenReady();
        }

        void mediaReady(RtpEndpoint opened, Throwable failure) {
            if (over) {
                if (opened != null) {
                    opened.close();
                }
                return;
            }
            if (failure != null) {
                fail(503, "Service Unavailable: " + failure.getMessage());
                return;
            }
            endpoint = opened;
            try {
                negotiation = new SdpNegotiator(sdpAddress, List.of(Codec.PCMU, Codec.PCMA), System.nanoTime())
                        .answer(offer, endpoint.localPort(), MediaDirection.SENDRECV);
            } catch (SdpException e) {
                fail(e.sipStatus(), e.getMessage());
                return;
            }
            endpoint.configure(negotiation);
            endpoint.listener(EchoLine::echo);
            answerWhenReady();
        }

        private void answerWhenReady() {
            if (over || !rang || negotiation == null || ringing.remove(tx) == null) {
                return;
            }
            SipMessage ok = SipResponses.create(invite, 200, null);
            try {
                ok.raw().setContent(negotiation.local().encode(),
                        SipFactories.headers().createContentTypeHeader("application", "sdp"));
            } catch (ParseException e) {
                throw new IllegalStateException("our own SDP content type did not parse", e);
            }
            core.answer(tx, ok, this);
            answered.increment();
        }

        private void fail(int status, String reason) {
            if (ringing.remove(tx) != null) {
                tx.respond(SipResponses.create(invite, status, reason));
            }
            end();
        }

        void end() {
            if (over) {
                return;
            }
            over = true;
            live.decrementAndGet();
            if (endpoint != null) {
                endpoint.close();
            }
        }

        /** On the dialog's loop, which is the INVITE's. */
        @Override
        public void onTerminated(Dialog dialog, String reason) {
            end();
        }
    }

    /** Sends the packet's payload back to its sender, same payload type and timestamp. */
    private static void echo(RtpEndpoint endpoint, ByteBuf packet) {
        int header = RtpPacket.headerLength(packet);
        int length = RtpPacket.payloadLength(packet);
        if (header < 0 || length <= 0) {
            return;
        }
        endpoint.sendPayload(RtpPacket.marker(packet), RtpPacket.payloadType(packet), RtpPacket.timestamp(packet),
                packet, packet.readerIndex() + header, length, 0);
    }
}
