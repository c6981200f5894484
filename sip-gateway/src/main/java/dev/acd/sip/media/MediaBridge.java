package dev.acd.sip.media;

import dev.acd.sip.sdp.Codec;
import io.netty.buffer.ByteBuf;
import java.util.function.LongSupplier;

/**
 * Relays RTP between a call's two legs (the caller's and the rep's endpoint, both on the call's event loop).
 * Audio passes through untouched when both legs use the same codec and is transcoded through linear PCM when they
 * differ (PCMU to PCMA and back). Timestamps are moved onto each receiving leg's own timeline, so what came before
 * (music on hold, a prompt) and what the relay sends form one stream. Telephone-event packets are reported as digits
 * and passed on to the other leg when it negotiated telephone-event. Every frame of each direction also goes to the
 * {@link MediaTap}, if any. Runs on the call's loop; not thread-safe.
 */
public final class MediaBridge {
    private final RtpEndpoint caller;
    private final RtpEndpoint rep;
    private final Relay fromCaller;
    private final Relay fromRep;
    private final MediaTap tap;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private boolean held;
    private boolean connected = true;

    private MediaBridge(RtpEndpoint caller, RtpEndpoint rep, MediaTap tap, DtmfListener dtmf, LongSupplier nanoClock) {
        this.caller = caller;
        this.rep = rep;
        this.tap = tap;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.fromCaller = new Relay(rep, true, dtmf);
        this.fromRep = new Relay(caller, false, dtmf);
    }

    /**
     * Starts relaying between two endpoints on the same event loop, taking over their packet listeners.
     *
     * @param tap where frames go for recording, or null
     * @param dtmf told of digits from either leg, or null
     */
    public static MediaBridge connect(RtpEndpoint caller, RtpEndpoint rep, MediaTap tap, DtmfListener dtmf) {
        return connect(caller, rep, tap, dtmf, System::nanoTime);
    }

    static MediaBridge connect(RtpEndpoint caller, RtpEndpoint rep, MediaTap tap, DtmfListener dtmf,
            LongSupplier nanoClock) {
        if (caller.eventLoop() != rep.eventLoop()) {
            throw new IllegalArgumentException("both legs of a call must be on one event loop");
        }
        MediaBridge bridge = new MediaBridge(caller, rep, tap, dtmf, nanoClock);
        caller.listener(bridge.fromCaller::onRtp);
        rep.listener(bridge.fromRep::onRtp);
        return bridge;
    }

    /**
     * Stops (true) or resumes (false) the relay in both directions, e.g. while one side holds and the other hears
     * music; the tap gets a hold mark.
     */
    public void hold(boolean onHold) {
        if (onHold == held || !connected) {
            return;
        }
        held = onHold;
        fromCaller.restart();
        fromRep.restart();
        if (tap != null) {
            tap.hold(onHold, nowMs());
        }
    }

    /** True while on hold. */
    public boolean held() {
        return held;
    }

    /** Stops relaying and lets go of both endpoints' listeners. */
    public void disconnect() {
        connected = false;
        caller.listener(null);
        rep.listener(null);
    }

    private long nowMs() {
        return (nanoClock.getAsLong() - startNanos) / 1_000_000;
    }

    /** One direction: packets from one leg to the other. */
    private final class Relay {
        private final RtpEndpoint to;
        private final boolean isCaller;
        private final DtmfListener dtmf;
        private final DtmfDecoder decoder = new DtmfDecoder();
        private final short[] pcm = new short[1500];
        private final short[] frame = new short[MediaSettings.FRAME_SAMPLES];
        private int frameFill;
        private long sourceSsrc = -1;
        private long timestampOffset;

        Relay(RtpEndpoint to, boolean isCaller, DtmfListener dtmf) {
            this.to = to;
            this.isCaller = isCaller;
            this.dtmf = dtmf;
        }

        void restart() {
            // the next packet starts a new run on the other leg's timeline (its marker bit set)
            sourceSsrc = -1;
            frameFill = 0;
        }

        void onRtp(RtpEndpoint from, ByteBuf packet) {
            int pt = RtpPacket.payloadType(packet);
            int index = packet.readerIndex() + RtpPacket.headerLength(packet);
            int length = RtpPacket.payloadLength(packet);
            long timestamp = RtpPacket.timestamp(packet);
            if (pt == from.telephoneEventPayloadType() && pt >= 0) {
                char digit = decoder.onPacket(timestamp, packet, index, length);
                if (digit != 0 && dtmf != null) {
                    dtmf.onDigit(from, digit, decoder.lastDurationMs());
                }
                if (!held && connected && to.telephoneEventPayloadType() >= 0) {
                    boolean marker = map(packet) | RtpPacket.marker(packet);
                    to.sendPayload(marker, to.telephoneEventPayloadType(), out(timestamp), packet, index, length, 0);
                }
                return;
            }
            if (pt != from.codecPayloadType() || held || !connected) {
                return; // comfort noise and other payloads we did not negotiate are dropped
            }
            Codec codec = from.codec();
            int samples = AudioCodecs.decode(codec, packet, index, length, pcm);
            if (tap != null) {
                feedTap(samples);
            }
            boolean marker = map(packet) | RtpPacket.marker(packet);
            if (to.codec() == codec) {
                to.sendPayload(marker, to.codecPayloadType(), out(timestamp), packet, index, length, samples);
            } else {
                to.sendPcm(marker, out(timestamp), pcm, samples);
            }
        }

        /** Takes up the source on this relay's timeline; true when it is a new one (the marker bit is due). */
        private boolean map(ByteBuf packet) {
            long ssrc = RtpPacket.ssrc(packet);
            if (ssrc == sourceSsrc) {
                return false;
            }
            sourceSsrc = ssrc;
            timestampOffset = to.nextTimestamp() - RtpPacket.timestamp(packet);
            return true;
        }

        private long out(long timestamp) {
            return (timestamp + timestampOffset) & 0xFFFFFFFFL;
        }

        private void feedTap(int samples) {
            for (int i = 0; i < samples; ) {
                int n = Math.min(samples - i, frame.length - frameFill);
                System.arraycopy(pcm, i, frame, frameFill, n);
                frameFill += n;
                i += n;
                if (frameFill == frame.length) {
                    frameFill = 0;
                    if (isCaller) {
                        tap.callerFrame(nowMs(), frame);
                    } else {
                        tap.repFrame(nowMs(), frame);
                    }
                }
            }
        }
    }
}
