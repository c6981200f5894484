package dev.acd.recorder.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Speech decisions and segments of one channel, fed one frame at a time (with its noise floor already known).
 *
 * <p>A frame is speech when it stands far enough above the noise floor (onset, then a lower release threshold while
 * speech goes on), is above the absolute minimum, and is not just the other channel leaking in. Runs of speech
 * frames become segments; pauses up to the bridge gap join them, and segments shorter than the minimum are dropped.
 * Segment ends are the end of the last speech frame: the bridge never lengthens a segment past its speech.
 */
final class ChannelActivity {
    /** How far back an onset may be moved to the frames that rose above the release threshold before it. */
    static final int ONSET_LOOKBACK_MS = 100;
    private final VadSettings settings;
    private final long bridgeFrames;
    private final long minSegmentFrames;
    private final FrameClock clock;
    private final List<SpeechSegment> segments = new ArrayList<>();
    private boolean speaking;
    private long runStart = -1;
    private long pendingStart = -1;
    private long pendingEnd = -1;
    private double speechEnergy;
    private long speechFrames;
    private double floorSumDb;
    private long frames;
    /** How far above the floor the last few frames were, to find where a speech onset really began. */
    private final double[] recentExcessDb;
    private long lastRunEnd;

    ChannelActivity(VadSettings settings, FrameClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.bridgeFrames = settings.bridgeGapMs() / settings.frameMs();
        this.minSegmentFrames = (settings.minSegmentMs() + settings.frameMs() - 1) / settings.frameMs();
        this.recentExcessDb = new double[Math.max(1, ONSET_LOOKBACK_MS / settings.frameMs())];
    }

    /** Decides frame {@code frame}; {@code otherLoudestDb} is the other channel's loudest recent frame. */
    void decide(long frame, double energyDb, double floorDb, double otherLoudestDb) {
        double threshold = floorDb + (speaking ? settings.releaseDb() : settings.onsetDb());
        speaking = energyDb > threshold && energyDb > settings.minSpeechDbfs()
                && energyDb > otherLoudestDb - settings.crosstalkDb();
        floorSumDb += floorDb;
        frames++;
        if (speaking) {
            speechEnergy += Math.pow(10, energyDb / 10);
            speechFrames++;
            if (runStart < 0) {
                runStart = onset(frame);
            }
        } else if (runStart >= 0) {
            endRun(frame);
        }
        recentExcessDb[(int) (frame % recentExcessDb.length)] = energyDb - floorDb;
    }

    /**
     * The onset threshold is crossed a little after speech starts rising (the attack of the first syllable); the
     * segment starts from the earliest of the frames just before that stood above the release threshold.
     */
    private long onset(long frame) {
        long start = frame;
        long earliest = Math.max(lastRunEnd, frame - recentExcessDb.length);
        while (start - 1 >= earliest && recentExcessDb[(int) ((start - 1) % recentExcessDb.length)]
                > (settings.onsetDb() + settings.releaseDb()) / 2) {
            start--;
        }
        return start;
    }

    private void endRun(long end) {
        if (pendingStart >= 0 && runStart - pendingEnd <= bridgeFrames) {
            pendingEnd = end;
        } else {
            flushPending();
            pendingStart = runStart;
            pendingEnd = end;
        }
        runStart = -1;
        lastRunEnd = end;
    }

    private void flushPending() {
        if (pendingStart >= 0 && pendingEnd - pendingStart >= minSegmentFrames) {
            segments.add(new SpeechSegment(clock.startMs(pendingStart), clock.startMs(pendingEnd)));
        }
        pendingStart = -1;
    }

    /** Closes the last segment; call once, after the last frame. */
    void finish(long totalFrames) {
        if (runStart >= 0) {
            endRun(totalFrames);
        }
        flushPending();
    }

    List<SpeechSegment> segments() {
        return List.copyOf(segments);
    }

    /** RMS level of the speech frames in dBFS, or null when there was no speech. */
    Double speechLevelDbfs() {
        return speechFrames == 0 ? null : 10 * Math.log10(speechEnergy / speechFrames);
    }

    /** The mean noise floor over the call, in dBFS. */
    double meanNoiseFloorDbfs() {
        return frames == 0 ? FrameEnergy.SILENCE_DBFS : floorSumDb / frames;
    }
}
