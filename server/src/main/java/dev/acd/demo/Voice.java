package dev.acd.demo;

import dev.acd.sip.media.PcmSource;
import java.util.SplittableRandom;

/**
 * A speech-like signal, 8 kHz PCM16, that takes turns: a turn is a few seconds of syllables (a voiced buzz at the
 * speaker's pitch with a few harmonics, 120-320 ms, shaped by a rise and fall) separated by short gaps; then the
 * speaker falls silent and listens: once the other side has spoken and been quiet for a moment, it replies; when
 * the other side says nothing for a few seconds (dead air), it goes on itself. Talk ratio,
 * turns, monologues and dead air thus come out as QA expects of a conversation. Never ends; mute for hold.
 * Not thread-safe: read on the RTP loop.
 */
final class Voice implements PcmSource {
    private static final int RATE_HZ = 8_000;

    private final SplittableRandom random;
    private final Hearing hearing;
    private final double pitchHz;
    private final double meanTurnSeconds;
    private boolean muted;
    /** Samples left in the current syllable (speaking) or gap. */
    private int syllableLeft;
    private int syllableLength;
    private int gapLeft;
    /** Samples left in this turn; 0 while listening. */
    private int turnLeft;
    /** How long the other side must be quiet, after speaking, before we reply, ms. */
    private long replyAfterMs;
    /** How long we wait for the other side to speak at all before going on, ms. */
    private long goOnAfterMs;
    /** When our last turn ended (System.nanoTime). */
    private long turnEndedNanos = System.nanoTime();
    /** Silence at the very start (the rep picks up, then greets; the customer waits for the greeting). */
    private int startLeft;
    private double phase;

    /**
     * @param leads          true to open the conversation (the rep's greeting), false to wait for the other side first
     * @param meanTurnSeconds mean length of one turn
     */
    Voice(SplittableRandom random, Hearing hearing, double pitchHz, boolean leads, double meanTurnSeconds) {
        this.random = random;
        this.hearing = hearing;
        this.pitchHz = pitchHz;
        this.meanTurnSeconds = meanTurnSeconds;
        this.startLeft = leads ? ms(300 + random.nextInt(700)) : 0;
        this.turnLeft = 0;
        this.replyAfterMs = 400 + random.nextInt(900);
        this.goOnAfterMs = leads ? 0 : 3_000;
        if (leads) {
            turnLeft = Integer.MAX_VALUE; // decided when the start silence ends
        }
    }

    /** Hold: silence while muted, the conversation resumes after. */
    void mute(boolean muted) {
        this.muted = muted;
    }

    @Override
    public int read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = next();
        }
        return frame.length;
    }

    private short next() {
        if (muted) {
            return 0;
        }
        if (startLeft > 0) {
            startLeft--;
            if (startLeft == 0 && turnLeft == Integer.MAX_VALUE) {
                newTurn();
            }
            return 0;
        }
        if (turnLeft <= 0) {
            // listening: we reply when the other side has spoken and paused, or go on after dead air
            boolean replied = hearing.heardSince(turnEndedNanos);
            long quietMs = replied ? hearing.silentMs() : (System.nanoTime() - turnEndedNanos) / 1_000_000;
            if (quietMs < (replied ? replyAfterMs : goOnAfterMs)) {
                return 0;
            }
            newTurn();
        }
        turnLeft--;
        if (turnLeft == 0) {
            replyAfterMs = 400 + random.nextInt(900);
            goOnAfterMs = 2_500 + random.nextInt(2_500);
            turnEndedNanos = System.nanoTime();
            syllableLeft = 0;
            gapLeft = 0;
            return 0;
        }
        if (syllableLeft == 0 && gapLeft == 0) {
            syllableLength = ms(120 + random.nextInt(200));
            syllableLeft = syllableLength;
            return 0;
        }
        if (syllableLeft > 0) {
            short s = sample(syllableLength - syllableLeft, syllableLength);
            syllableLeft--;
            if (syllableLeft == 0) {
                gapLeft = ms(random.nextInt(10) == 0 ? 250 + random.nextInt(250) : 40 + random.nextInt(100));
            }
            return s;
        }
        gapLeft--;
        return 0;
    }

    private void newTurn() {
        double seconds = Math.max(0.8, -meanTurnSeconds * Math.log(1.0 - random.nextDouble()));
        turnLeft = ms((long) (seconds * 1_000));
        syllableLeft = 0;
        gapLeft = 0;
    }

    /** A voiced syllable: fundamental plus falling harmonics under a sine-shaped envelope. */
    private short sample(int index, int length) {
        double envelope = Math.sin(Math.PI * index / length);
        double wobble = 1 + 0.03 * Math.sin(2 * Math.PI * 3 * index / RATE_HZ);
        phase += 2 * Math.PI * pitchHz * wobble / RATE_HZ;
        double v = Math.sin(phase) + 0.6 * Math.sin(2 * phase) + 0.35 * Math.sin(3 * phase) + 0.2 * Math.sin(5 * phase);
        return (short) Math.round(4_500 * envelope * v);
    }

    private static int ms(long millis) {
        return (int) Math.min(Integer.MAX_VALUE - 1, millis * RATE_HZ / 1_000);
    }
}
