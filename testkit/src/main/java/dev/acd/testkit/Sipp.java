package dev.acd.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * SIPp (Debian package {@code sip-tester}) as an independent SIP peer in tests: runs one scenario from our
 * resources against an address and reports how its calls ended. The process never outlives the test: it has a
 * global timeout of its own, and {@link #close()} kills it.
 */
public final class Sipp implements AutoCloseable {
    /** How SIPp's scenarios are told the transport (its {@code -t} values for one socket per peer). */
    public enum Transport {
        UDP("u1"), TCP("t1");

        final String flag;

        Transport(String flag) {
            this.flag = flag;
        }
    }

    /** How a run ended: SIPp's exit status (0: every call succeeded) and its call counters. */
    public record Result(int exitCode, long successfulCalls, long failedCalls, String errors, String screen) {
        public boolean allSucceeded() {
            return exitCode == 0 && failedCalls == 0;
        }

        @Override
        public String toString() {
            return "sipp exit " + exitCode + ", " + successfulCalls + " calls succeeded, " + failedCalls
                    + " failed" + (errors.isBlank() ? "" : "\nunexpected messages:\n" + errors)
                    + "\nlast screen:\n" + screen;
        }
    }

    private final Process process;
    private final Path dir;
    private final Path stats;
    private final Path errors;
    private final Path screen;
    private final int localPort;

    private Sipp(Process process, Path dir, int localPort) {
        this.process = process;
        this.dir = dir;
        this.stats = dir.resolve("stats.csv");
        this.errors = dir.resolve("errors.log");
        this.screen = dir.resolve("screen.log");
        this.localPort = localPort;
    }

    /** True when the {@code sipp} binary is on the PATH. */
    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sipp"))) {
                return true;
            }
        }
        return false;
    }

    /** A run of one of the scenarios shipped in {@code dev/acd/testkit/sipp/}, e.g. {@code "register-digest"}. */
    public static Builder scenario(String name) {
        return new Builder(name);
    }

    /** The port SIPp sends from and listens on (the same port for both, as phones do). */
    public int localPort() {
        return localPort;
    }

    /**
     * Waits until SIPp has bound its SIP port (UDP, or listening on TCP), so a peer started next does not race it.
     * Reads the kernel's socket tables, since SIPp says nothing when it is ready.
     */
    public Sipp awaitListening(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String port = String.format(":%04X ", localPort);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sipp exited with " + process.exitValue() + " before listening:\n"
                        + read(dir.resolve("stdout.log")));
            }
            if (bound("/proc/net/udp", port, null) || bound("/proc/net/tcp", port, " 0A ")) {
                return this;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new IllegalStateException("sipp did not bind port " + localPort + " within " + limit);
    }

    /** Whether a socket table lists the local port (in the given state: 0A is TCP LISTEN). */
    private static boolean bound(String table, String port, String state) {
        for (String line : readLines(Path.of(table))) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length > 3 && (columns[1] + " ").endsWith(port)
                    && (state == null || (" " + columns[3] + " ").equals(state))) {
                return true;
            }
        }
        return false;
    }

    /** Waits for SIPp to finish; kills it when it overruns {@code limit}. */
    public Result await(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return result(-9);
            }
            return result(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for sipp", e);
        }
    }

    private Result result(int exitCode) {
        Map<String, String> counters = lastStatsRow();
        return new Result(exitCode, number(counters.get("SuccessfulCall(C)")), number(counters.get("FailedCall(C)")),
                read(errors), read(screen));
    }

    /** The cumulative counters of the last row of SIPp's statistics file ({@code -trace_stat}, ';' separated). */
    private Map<String, String> lastStatsRow() {
        Map<String, String> row = new LinkedHashMap<>();
        List<String> lines = Files.exists(stats) ? readLines(stats) : List.of();
        if (lines.size() >= 2) {
            String[] names = lines.get(0).split(";");
            String[] values = lines.get(lines.size() - 1).split(";");
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                row.put(names[i], values[i]);
            }
        }
        return row;
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The options of one run; {@link #start(Path)} launches it. */
    public static final class Builder {
        private final String scenario;
        private InetSocketAddress remote;
        private Transport transport = Transport.UDP;
        private int calls = 1;
        private double rate = 10;
        private int concurrentLimit;
        private boolean autoAnswer;
        private String authUser;
        private String authPassword;
        private String service;
        private Duration timeout = Duration.ofSeconds(30);
        private int localPort;
        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder(String scenario) {
            this.scenario = scenario;
        }

        /**
         * SIPp answers unexpected in-dialog INFO, NOTIFY, OPTIONS and UPDATE with 200 ({@code -aa}) instead of
         * aborting the call: needed when a call outlasts the server's keepalive ({@code sip.calls.keepaliveSeconds}),
         * whose in-dialog OPTIONS SIPp's scenarios do not expect.
         */
        public Builder autoAnswer() {
            this.autoAnswer = true;
            return this;
        }

        /** Where SIPp sends its first request (a UAC scenario); a UAS scenario may leave it unset. */
        public Builder remote(InetSocketAddress remote) {
            this.remote = remote;
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** Calls to place, at {@code perSecond} calls a second. */
        public Builder calls(int calls, double perSecond) {
            this.calls = calls;
            this.rate = perSecond;
            return this;
        }

        /** At most this many calls at once ({@code -l}); 0 leaves SIPp's default. */
        public Builder concurrent(int limit) {
            this.concurrentLimit = limit;
            return this;
        }

        /** Credentials for the scenario's digest challenges ({@code -au}, {@code -ap}). */
        public Builder auth(String user, String password) {
            this.authUser = user;
            this.authPassword = password;
            return this;
        }

        /** The user part SIPp puts in its Request-URIs ({@code [service]}, {@code -s}). */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /** A scenario variable, {@code -key name value}, used in the scenario as {@code [name]}. */
        public Builder set(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** SIPp's own global timeout: it gives up and fails after this long. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The local port SIPp binds; by default a free one. */
        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        /** Starts SIPp with its files (scenario, statistics, logs) in {@code workDir}. */
        public Sipp start(Path workDir) {
            try {
                Path dir = Files.createDirectories(workDir.resolve("sipp-" + scenario + "-" + System.nanoTime()));
                Path xml = dir.resolve(scenario + ".xml");
                try (InputStream in = Sipp.class.getResourceAsStream("sipp/" + scenario + ".xml")) {
                    if (in == null) {
                        throw new IllegalArgumentException("no SIPp scenario named " + scenario
                                + " in dev/acd/testkit/sipp/");
                    }
                    Files.copy(in, xml, StandardCopyOption.REPLACE_EXISTING);
                }
                int port = localPort > 0 ? localPort : FreePorts.udpAndTcp();
                Process process = new ProcessBuilder(command(xml, dir, port))
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("stdout.log").toFile())
                        .start();
                return new Sipp(process, dir, port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start sipp (is the sip-tester package installed?)", e);
            }
        }

        private List<String> command(Path xml, Path dir, int port) {
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", xml.toString(),
                    "-i", "127.0.0.1", "-p", Integer.toString(port), "-t", transport.flag,
                    // SIPp binds a media port even when it sends no RTP; a free one keeps parallel runs apart.
                    "-mp", Integer.toString(FreePorts.udpAndTcp()),
                    "-m", Integer.toString(calls), "-r", Double.toString(rate), "-rp", "1000",
                    "-nostdin", "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                    "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                    "-trace_stat", "-stf", dir.resolve("stats.csv").toString(), "-fd", "1",
                    "-trace_screen", "-screen_file", dir.resolve("screen.log").toString()));
            if (autoAnswer) {
                command.add("-aa");
            }
            if (concurrentLimit > 0) {
                command.addAll(List.of("-l", Integer.toString(concurrentLimit)));
            }
            if (authUser != null) {
                command.addAll(List.of("-au", authUser, "-ap", authPassword));
            }
            if (service != null) {
                command.addAll(List.of("-s", service));
            }
            variables.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
            if (remote != null) {
                command.add(remote.getAddress().getHostAddress() + ":" + remote.getPort());
            }
            return command;
        }
    }
}
