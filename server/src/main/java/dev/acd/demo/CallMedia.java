package dev.acd.demo;

import dev.acd.sip.media.AudioCodecs;
import dev.acd.sip.media.DtmfDecoder;
import dev.acd.sip.media.Player;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.media.RtpPacket;
import dev.acd.sip.media.TelephoneEvent;
import dev.acd.sip.sdp.Codec;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SdpParser;
import dev.acd.sip.sdp.SessionDescription;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated party's audio in one call: an RTP endpoint, its SDP offer/answer, a {@link Voice} played into it and
 * a {@link Hearing} fed from what arrives. Thread-safe: the endpoint hops to its own loop.
 */
final class CallMedia implements AutoCloseable {
    private static final AtomicLong SESSION_IDS = new AtomicLong(System.currentTimeMillis());
    /** Mean length of one turn of speech, seconds. */
    private static final double MEAN_TURN_SECONDS = 4.0;

    private final RtpEndpoint endpoint;
    private final SdpNegotiator negotiator;
    private final Hearing hearing = new Hearing();
    private final DtmfDecoder keys = new DtmfDecoder();
    private final StringBuffer keysHeard = new StringBuffer();
    private final Voice voice;
    private SessionDescription ourOffer;
    private Player player;

    private CallMedia(RtpEndpoint endpoint, InetAddress address, SplittableRandom random, double pitchHz,
            boolean leads) {
        this.endpoint = endpoint;
        this.negotiator = new SdpNegotiator(address, List.of(Codec.PCMU, Codec.PCMA), SESSION_IDS.incrementAndGet());
        this.voice = new Voice(random, hearing, pitchHz, leads, MEAN_TURN_SECONDS);
        short[] pcm = new short[2_048];
        endpoint.listener((from, packet) -> {
            int payloadType = RtpPacket.payloadType(packet);
            if (payloadType >= 0 && payloadType == from.telephoneEventPayloadType()) {
                char key = keys.onPacket(RtpPacket.timestamp(packet), packet,
                        packet.readerIndex() + RtpPacket.headerLength(packet), RtpPacket.payloadLength(packet));
                if (key != 0) {
                    keysHeard.append(key);
                }
                return;
            }
            if (payloadType != from.codecPayloadType()) {
                return; // comfort noise or anything else: not a voice
            }
            int n = AudioCodecs.decode(from.codec(), packet, packet.readerIndex() + RtpPacket.headerLength(packet),
                    Math.min(pcm.length, RtpPacket.payloadLength(packet)), pcm);
            hearing.heard(pcm, n);
        });
    }

    /** Opens an endpoint on {@code loop} for a party with the given pitch; {@code leads} says who speaks first. */
    static CompletableFuture<CallMedia> open(RtpEndpoints endpoints, EventLoop loop, InetAddress address,
            SplittableRandom random, double pitchHz, boolean leads) {
        return endpoints.open(loop).thenApply(endpoint -> new CallMedia(endpoint, address, random, pitchHz, leads));
    }

    /** Our answer to {@code offerSdp}, applied to the endpoint. */
    synchronized String answer(String offerSdp, MediaDirection wanted) throws SdpException {
        Negotiation n = negotiator.answer(SdpParser.parse(offerSdp), endpoint.localPort(), wanted);
        endpoint.configure(n);
        return n.local().encode();
    }

    /** An offer (initial or re-INVITE for hold/resume); its answer goes to {@link #acceptAnswer}. */
    synchronized String offer(MediaDirection direction) {
        ourOffer = negotiator.offer(endpoint.localPort(), direction);
        return ourOffer.encode();
    }

    synchronized void acceptAnswer(String answerSdp) throws SdpException {
        endpoint.configure(negotiator.acceptAnswer(ourOffer, SdpParser.parse(answerSdp)));
    }

    /** Starts talking (and stops at {@link #close}). */
    synchronized void talk() {
        if (player == null) {
            player = Player.play(endpoint, voice, null);
        }
    }

    /**
     * Presses {@code key} as RFC 4733 telephone-events (a start packet, then the end three times, section 2.5.1.4),
     * e.g. to answer a line's menu; nothing when the far end did not take telephone-events.
     */
    void pressKey(char key) {
        int event = TelephoneEvent.event(key);
        endpoint.eventLoop().execute(() -> {
            int payloadType = endpoint.telephoneEventPayloadType();
            if (payloadType < 0) {
                return;
            }
            long timestamp = endpoint.nextTimestamp();
            ByteBuf payload = Unpooled.buffer(TelephoneEvent.PAYLOAD_BYTES);
            TelephoneEvent.write(payload, event, false, 10, 160);
            endpoint.sendPayload(true, payloadType, timestamp, payload, 0, TelephoneEvent.PAYLOAD_BYTES, 0);
            payload.clear();
            TelephoneEvent.write(payload, event, true, 10, 800);
            for (int i = 0; i < 3; i++) {
                endpoint.sendPayload(false, payloadType, timestamp, payload, 0, TelephoneEvent.PAYLOAD_BYTES, 0);
            }
        });
    }

    /** Hold: our voice pauses. */
    void mute(boolean muted) {
        endpoint.eventLoop().execute(() -> voice.mute(muted));
    }

    int localPort() {
        return endpoint.localPort();
    }

    /** Voice frames heard from the other side so far (read from any thread: may lag a frame). */
    long voiceFramesHeard() {
        return hearing.voiceFrames();
    }

    /** The keys (RFC 4733) the other side pressed so far, in order. */
    String keysHeard() {
        return keysHeard.toString();
    }

    long packetsSent() {
        return endpoint.counters().packetsOut();
    }

    @Override
    public synchronized void close() {
        if (player != null) {
            player.stop();
        }
        endpoint.close();
    }
}
