package dev.acd.perf.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp process of a load step: a scenario file, a rate and a number of calls against one target address. Its
 * outcome comes from the last row of SIPp's statistics file. {@link #close()} kills it if it still runs.
 */
final class SippRun implements AutoCloseable {
    /** What SIPp counted, cumulative over the run. */
    record Outcome(int exitCode, long successful, long failed, long retransmissions, long created) {
        static final Outcome NONE = new Outcome(-1, 0, 0, 0, 0);
    }

    private final Process process;
    private final Path stats;
    private final long startedNanos;
    private long lastTicks;
    private long finishedNanos;

    private SippRun(Process process, Path stats) {
        this.process = process;
        this.stats = stats;
        this.startedNanos = System.nanoTime();
    }

    /**
     * Starts {@code sipp} on loopback.
     *
     * @param transport SIPp's {@code -t} value: {@code u1} (one UDP socket) or {@code t1} (one TCP connection)
     * @param extra     further arguments (e.g. {@code -inf users.csv}, {@code -d 100})
     */
    static SippRun start(Path scenario, Path dir, String target, String transport, int localPort, int mediaPort,
            double rate, long calls, long timeoutSeconds, List<String> extra) {
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(),
                    "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(mediaPort),
                    "-t", transport, "-m", Long.toString(calls), "-r", String.format("%.3f", rate), "-rp", "1000",
                    "-nostdin", "-timeout", timeoutSeconds + "s", "-timeout_error",
                    "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                    "-trace_stat", "-stf", dir.resolve("stats.csv").toString(), "-fd", "1"));
            command.addAll(extra);
            command.add(target);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            return new SippRun(p, dir.resolve("stats.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp (is the sip-tester package installed?)", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Reads its CPU ticks while it runs; the last reading stands for its total once it has exited. */
    void sampleCpu() {
        long t = ProcStat.processTicks(process.pid());
        if (t >= 0) {
            lastTicks = t;
        }
        if (finishedNanos == 0 && !process.isAlive()) {
            finishedNanos = System.nanoTime();
        }
    }

    long cpuTicks() {
        return lastTicks;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Seconds from start until it was seen to exit (or until now). */
    double seconds() {
        long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
        return (end - startedNanos) / 1e9;
    }

    Outcome await(long limitSeconds) throws InterruptedException {
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (finishedNanos == 0) {
            finishedNanos = System.nanoTime();
        }
        Map<String, String> row = lastStatsRow();
        return new Outcome(process.exitValue(), number(row, "SuccessfulCall(C)"), number(row, "FailedCall(C)"),
                number(row, "Retransmissions(C)"), number(row, "TotalCallCreated"));
    }

    private Map<String, String> lastStatsRow() {
        Map<String, String> row = new LinkedHashMap<>();
        try {
            List<String> lines = Files.exists(stats) ? Files.readAllLines(stats, StandardCharsets.ISO_8859_1)
                    : List.of();
            if (lines.size() >= 2) {
                String[] names = lines.get(0).split(";");
                String[] values = lines.get(lines.size() - 1).split(";");
                for (int i = 0; i < Math.min(names.length, values.length); i++) {
                    row.put(names[i], values[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return row;
    }

    private static long number(Map<String, String> row, String name) {
        try {
            return Long.parseLong(row.getOrDefault(name, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
