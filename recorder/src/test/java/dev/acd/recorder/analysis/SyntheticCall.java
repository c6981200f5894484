package dev.acd.recorder.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavWriter;

/**
 * A stereo call synthesised for tests, whose true speech segments are known: voiced syllables (a pitch with
 * harmonics, attack and release envelopes, a slow level wobble) with short gaps inside each utterance, over
 * Gaussian line noise, optional mains hum, crosstalk from the other channel and gain that clips.
 */
public final class SyntheticCall {
    public static final int CUSTOMER = 0;
    public static final int REP = 1;

    private final int rate;
    private final long durationMs;
    private final Random random;
    private final double[][] speech;
    private final double[][] noise;
    private final double[] gain = {1, 1};
    private final List<List<SpeechSegment>> truth = List.of(new ArrayList<>(), new ArrayList<>());

    public SyntheticCall(int sampleRateHz, long durationMs, long seed) {
        this.rate = sampleRateHz;
        this.durationMs = durationMs;
        this.random = new Random(seed);
        int n = sample(durationMs);
        speech = new double[2][n];
        noise = new double[2][n];
    }

    private int sample(long ms) {
        return (int) (ms * rate / 1000);
    }

    private static double amplitude(double dbfs) {
        return 32768 * Math.pow(10, dbfs / 20);
    }

    /** An utterance from start to end (its true segment): syllables with gaps of 40 to 150 ms. */
    public SyntheticCall say(int channel, long startMs, long endMs, double levelDbfs, double pitchHz) {
        truth.get(channel).add(new SpeechSegment(startMs, endMs));
        long t = startMs;
        while (true) {
            long length = 120 + random.nextInt(160);
            if (endMs - (t + length) < 200) {
                length = endMs - t;
            }
            // Syllables vary in loudness by up to 6 dB, as stressed and unstressed ones do.
            syllable(channel, t, t + length, levelDbfs - 6 * random.nextDouble(),
                    pitchHz * (0.9 + 0.2 * random.nextDouble()));
            t += length;
            if (t >= endMs) {
                return this;
            }
            t += 40 + random.nextInt(110);
        }
    }

    private void syllable(int channel, long startMs, long endMs, double levelDbfs, double pitchHz) {
        int from = sample(startMs);
        int to = sample(endMs);
        int harmonics = (int) Math.min(30, (rate * 0.43) / pitchHz);
        double power = 0;
        for (int k = 1; k <= harmonics; k++) {
            power += 0.5 / (k * k);
        }
        double scale = amplitude(levelDbfs) / Math.sqrt(power);
        int attack = sample(15);
        int release = sample(25);
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int i = from; i < to; i++) {
            int age = i - from;
            double envelope = 1;
            if (age < attack) {
                envelope = 0.5 - 0.5 * Math.cos(Math.PI * age / attack);
            } else if (to - i < release) {
                envelope = 0.5 - 0.5 * Math.cos(Math.PI * (to - i) / release);
            }
            envelope *= 1 + 0.2 * Math.sin(2 * Math.PI * 4 * age / rate);
            // The pitch glides down 10% over the syllable, like a falling intonation.
            double f = pitchHz * (1 - 0.1 * age / (double) (to - from));
            phase += 2 * Math.PI * f / rate;
            double value = 0;
            for (int k = 1; k <= harmonics; k++) {
                value += Math.sin(k * phase) / k;
            }
            speech[channel][i] += scale * envelope * value;
        }
    }

    /** Gaussian line noise at this RMS level over the whole call, from {@code fromMs}. */
    SyntheticCall noise(int channel, double levelDbfs, long fromMs) {
        double sigma = amplitude(levelDbfs);
        for (int i = sample(fromMs); i < noise[channel].length; i++) {
            noise[channel][i] = sigma * random.nextGaussian();
        }
        return this;
    }

    /** Rumbling line noise (Gaussian through a one-pole low-pass at about 100 Hz) at this RMS level. */
    SyntheticCall rumble(int channel, double levelDbfs) {
        double pole = Math.exp(-2 * Math.PI * 100.0 / rate);
        // The gain that brings the filtered noise back to unit variance.
        double sigma = amplitude(levelDbfs) * Math.sqrt(1 - pole * pole);
        double y = 0;
        for (int i = 0; i < noise[channel].length; i++) {
            y = pole * y + sigma * random.nextGaussian();
            noise[channel][i] += y;
        }
        return this;
    }

    public SyntheticCall noise(int channel, double levelDbfs) {
        return noise(channel, levelDbfs, 0);
    }

    /** Mains hum (fundamental and third harmonic) at this RMS level. */
    SyntheticCall hum(int channel, double levelDbfs, double mainsHz) {
        double a = amplitude(levelDbfs) * Math.sqrt(2) / Math.sqrt(1.25);
        for (int i = 0; i < noise[channel].length; i++) {
            double t = (double) i / rate;
            noise[channel][i] += a * (Math.sin(2 * Math.PI * mainsHz * t) + 0.5 * Math.sin(6 * Math.PI * mainsHz * t));
        }
        return this;
    }

    /** The speech of {@code from} leaking into {@code to}, this many dB down, after a delay (echo). */
    SyntheticCall leak(int from, int to, double db, long delayMs) {
        double factor = Math.pow(10, db / 20);
        int delay = sample(delayMs);
        double[] leaked = new double[speech[to].length];
        for (int i = delay; i < leaked.length; i++) {
            leaked[i] = speech[from][i - delay] * factor;
        }
        for (int i = 0; i < leaked.length; i++) {
            noise[to][i] += leaked[i];
        }
        return this;
    }

    /** Amplifies a channel before it is stored, clipping at 16-bit full scale. */
    SyntheticCall gain(int channel, double factor) {
        gain[channel] = factor;
        return this;
    }

    List<SpeechSegment> truth(int channel) {
        return List.copyOf(truth.get(channel));
    }

    long durationMs() {
        return durationMs;
    }

    Path write(Path file, WavEncoding encoding) throws IOException {
        int n = speech[0].length;
        short[][] samples = new short[2][n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                double v = (speech[c][i] + noise[c][i]) * gain[c];
                samples[c][i] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
            }
        }
        try (WavWriter writer = WavWriter.create(file, encoding, 2, rate)) {
            writer.write(samples, 0, n);
        }
        return file;
    }

    public Path write(Path file) throws IOException {
        return write(file, WavEncoding.PCM_16);
    }
}
