package dev.acd.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import com.sun.management.ThreadMXBean;

import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.scorecard.DefaultScorecard;
import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavWriter;

/**
 * Speed of QA analysis in multiples of real time on one thread: a 10-minute stereo call (customer left, rep right:
 * alternating turns of voiced syllables over line noise, some overtalk and dead air), written to a temporary file as
 * 16-bit PCM at 8 and 16 kHz and as u-law at 8 kHz, then analysed and scored again and again.
 *
 * <p>Reported per format: the first run's wall time (for the first format, a cold JVM), the median and best wall time of the measured runs, the thread's CPU time, real time
 * divided by the median wall time, and the bytes the analysing thread allocated per run (its whole garbage). The
 * files are read from the page cache after the first run. Run with a small heap to show memory does not grow with
 * the call: {@code java -Xmx32m -XX:+UseSerialGC -cp perf/target/benchmarks.jar dev.acd.perf.QaAnalysisSpeed}.
 */
public final class QaAnalysisSpeed {
    private static final long CALL_MS = 10 * 60_000;
    private static final int WARM_UP_RUNS = 5;
    private static final int MEASURED_RUNS = 15;

    private QaAnalysisSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("qa-speed");
        try {
            measure(write(dir.resolve("call-8k.wav"), 8_000, WavEncoding.PCM_16), "PCM 16-bit 8 kHz");
            measure(write(dir.resolve("call-16k.wav"), 16_000, WavEncoding.PCM_16), "PCM 16-bit 16 kHz");
            measure(write(dir.resolve("call-ulaw.wav"), 8_000, WavEncoding.ULAW), "u-law 8 kHz");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void measure(Path file, String label) throws IOException {
        CallAnalyzer analyzer = new CallAnalyzer();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long[] wall = new long[MEASURED_RUNS];
        long cpu = 0;
        long allocated = 0;
        CallAnalysis analysis = null;
        long first = 0;
        for (int run = -WARM_UP_RUNS; run < MEASURED_RUNS; run++) {
            long allocatedBefore = threads.getThreadAllocatedBytes(tid);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            analysis = analyzer.analyze(file);
            DefaultScorecard.create().score(analysis);
            long elapsed = System.nanoTime() - start;
            if (run == -WARM_UP_RUNS) {
                first = elapsed;
            }
            if (run >= 0) {
                wall[run] = elapsed;
                cpu += threads.getCurrentThreadCpuTime() - cpuBefore;
                allocated += threads.getThreadAllocatedBytes(tid) - allocatedBefore;
            }
        }
        Arrays.sort(wall);
        double medianMs = wall[MEASURED_RUNS / 2] / 1e6;
        System.out.printf("%-18s file %5.1f MB  first %6.1f ms  median %6.1f ms  best %6.1f ms  cpu %6.1f ms  %6.0fx real time"
                        + "  allocated %5.0f KB/run  (rep talk %d ms, customer talk %d ms, %d + %d segments)%n",
                label, Files.size(file) / 1e6, first / 1e6, medianMs, wall[0] / 1e6, cpu / 1e6 / MEASURED_RUNS,
                CALL_MS / medianMs, allocated / 1024.0 / MEASURED_RUNS,
                analysis.conversation().repTalkMs(), analysis.conversation().customerTalkMs(),
                analysis.customerSegments().size(), analysis.repSegments().size());
    }

    /** Writes the call block by block, so the benchmark itself never holds a whole call either. */
    private static Path write(Path file, int rate, WavEncoding encoding) throws IOException {
        Random random = new Random(42);
        float[] wave = harmonicWave(rate);
        int block = rate / 10;
        short[][] samples = new short[2][block];
        double[] phase = new double[2];
        try (WavWriter writer = WavWriter.create(file, encoding, 2, rate)) {
            for (long sample = 0; sample < CALL_MS * rate / 1000; sample += block) {
                for (int i = 0; i < block; i++) {
                    long ms = (sample + i) * 1000 / rate;
                    for (int c = 0; c < 2; c++) {
                        double value = 30 * random.nextGaussian();
                        if (speaking(c, ms)) {
                            double pitch = c == 0 ? 210 : 120;
                            phase[c] += pitch / rate;
                            value += 2_000 * wave[(int) ((phase[c] - Math.floor(phase[c])) * wave.length)];
                        }
                        samples[c][i] = (short) Math.max(-32768, Math.min(32767, Math.round(value)));
                    }
                }
                writer.write(samples, 0, block);
            }
        }
        return file;
    }

    /** One period of a voice-like wave: harmonics falling off as 1/k up to 3.4 kHz for a 120 Hz pitch. */
    private static float[] harmonicWave(int rate) {
        float[] wave = new float[4096];
        for (int i = 0; i < wave.length; i++) {
            double x = 2 * Math.PI * i / wave.length;
            for (int k = 1; k <= 28; k++) {
                wave[i] += (float) (Math.sin(k * x) / k);
            }
        }
        return wave;
    }

    /**
     * Turns of 4 to 14 s in a 40 s cycle: rep 0-14 s, customer 13.5-24 s (0.5 s overtalk), rep 25-31 s, customer
     * 31.5-33 s, then 7 s of dead air; syllables of 200 ms with 60 ms gaps inside each turn.
     */
    private static boolean speaking(int channel, long ms) {
        long t = ms % 40_000;
        boolean inTurn = channel == 1
                ? t < 14_000 || (t >= 25_000 && t < 31_000)
                : (t >= 13_500 && t < 24_000) || (t >= 31_500 && t < 33_000);
        return inTurn && t % 260 < 200;
    }
}
