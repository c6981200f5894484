package dev.acd.recorder.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.acd.recorder.wav.WavFormat;
import dev.acd.recorder.wav.WavReader;

/**
 * Analyses a stereo call recording (customer left, rep right) in one streaming pass: the file is read a block at a
 * time and memory stays bounded by the noise floor's window, whatever the call's length. Thread-safe: it keeps no
 * state between calls.
 */
public final class CallAnalyzer {
    /** Dead air counts from this long a pause by default. */
    public static final long DEFAULT_DEAD_AIR_MIN_MS = 5_000;
    private static final int FRAMES_PER_READ = 64;
    private static final double CLIP_FRACTION_OF_FULL_SCALE = 0.99;

    private final VadSettings vad;
    private final long deadAirMinMs;

    public CallAnalyzer(VadSettings vad, long deadAirMinMs) {
        if (deadAirMinMs <= 0) {
            throw new IllegalArgumentException("dead air threshold must be more than 0 ms, got " + deadAirMinMs);
        }
        this.vad = vad;
        this.deadAirMinMs = deadAirMinMs;
    }

    /** An analyser with the default settings. */
    public CallAnalyzer() {
        this(VadSettings.DEFAULTS, DEFAULT_DEAD_AIR_MIN_MS);
    }

    public CallAnalysis analyze(Path recording) throws IOException {
        try (WavReader reader = WavReader.open(recording)) {
            return analyze(reader);
        }
    }

    public CallAnalysis analyze(WavReader reader) throws IOException {
        WavFormat format = reader.format();
        if (format.channels() != 2) {
            throw new IllegalArgumentException(reader.file() + ": a mono recording; QA analysis needs stereo with "
                    + "the customer on the left channel and the rep on the right");
        }
        int frameSamples = format.sampleRateHz() * vad.frameMs() / 1000;
        FrameClock clock = new FrameClock(format.sampleRateHz(), frameSamples);
        StereoVoiceActivity activity = new StereoVoiceActivity(vad, clock);
        int clipLevel = (int) (format.encoding().fullScale() * CLIP_FRACTION_OF_FULL_SCALE);
        short[][] block = new short[2][frameSamples * FRAMES_PER_READ];
        long[] clipped = new long[2];
        long samples = 0;
        double[] sums = new double[2];
        for (int n = reader.read(block, block[0].length); n > 0; n = reader.read(block, block[0].length)) {
            for (int start = 0; start < n; start += frameSamples) {
                int end = Math.min(n, start + frameSamples);
                for (int c = 0; c < 2; c++) {
                    short[] x = block[c];
                    double sum = 0;
                    long clips = 0;
                    for (int i = start; i < end; i++) {
                        int s = x[i];
                        sum += s * s;
                        if (s >= clipLevel || s <= -clipLevel) {
                            clips++;
                        }
                    }
                    sums[c] = FrameEnergy.dbfs(sum, end - start);
                    clipped[c] += clips;
                }
                activity.accept(sums[0], sums[1]);
            }
            samples += n;
        }
        activity.finish();
        long durationMs = samples * 1000 / format.sampleRateHz();
        List<SpeechSegment> customer = clamp(activity.segments(0), durationMs);
        List<SpeechSegment> rep = clamp(activity.segments(1), durationMs);
        ConversationMeasures conversation = ConversationMeasures.of(customer, rep, durationMs, deadAirMinMs);
        ChannelHealth customerHealth = health(activity.channel(0), clipped[0], samples, conversation.customerTalkMs());
        ChannelHealth repHealth = health(activity.channel(1), clipped[1], samples, conversation.repTalkMs());
        AudioHealth audio = new AudioHealth(customerHealth, repHealth, customerHealth.silent() != repHealth.silent());
        return new CallAnalysis(durationMs, format.sampleRateHz(), format.encoding().name(), deadAirMinMs,
                conversation, audio, customer, rep);
    }

    private static ChannelHealth health(ChannelActivity channel, long clipped, long samples, long talkMs) {
        double ratio = samples == 0 ? 0 : (double) clipped / samples;
        return new ChannelHealth(ratio, ratio > AudioHealth.CLIPPING_RATIO, channel.speechLevelDbfs(),
                channel.meanNoiseFloorDbfs(), talkMs < AudioHealth.SILENT_MAX_TALK_MS);
    }

    private static List<SpeechSegment> clamp(List<SpeechSegment> segments, long durationMs) {
        List<SpeechSegment> clamped = new ArrayList<>(segments.size());
        for (SpeechSegment s : segments) {
            clamped.add(new SpeechSegment(Math.min(s.startMs(), durationMs), Math.min(s.endMs(), durationMs)));
        }
        return clamped;
    }
}
