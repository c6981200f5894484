package dev.acd.perf.sip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Steps SIPp's rate up against a {@link SipLoadTarget} in its own JVM and finds the highest rate with under 0.1%
 * failed calls. Each step runs {@code --sipp} SIPp processes that share the rate, for {@code --step-seconds}; it
 * passes when failed calls are under 0.1%, every call ended, and the achieved rate is at least 95% of the asked
 * one (SIPp or the target falling behind shows as a lower achieved rate before it shows as failures). CPU of the
 * target (whole process and its busiest thread), of the SIPp processes and of the machine comes from /proc over
 * the step. Prints a Markdown table, and with {@code --append FILE} adds it there with date, commit and machine.
 *
 * <p>Usually run through {@code perf/sip-load}, which builds the jar and passes the commit.
 */
public final class SipLoadDriver {
    private static final double MAX_FAILED_RATIO = 0.001;
    private static final double MIN_ACHIEVED_RATIO = 0.95;

    private final Map<String, String> opts;
    private final Path work;
    private final String scenario;
    private final String transport;
    private final int sippCount;
    private final int udpPorts;
    private final int basePort;
    private final int stepSeconds;
    private final List<String> rows = new ArrayList<>();
    private int bestRate = -1;
    private String bestRow = "";

    private SipLoadDriver(Map<String, String> opts) throws IOException {
        this.opts = opts;
        this.scenario = opts.getOrDefault("scenario", "register");
        if (!scenario.equals("register") && !scenario.equals("call")) {
            throw new IllegalArgumentException("--scenario must be register or call, got " + scenario);
        }
        this.transport = opts.getOrDefault("transport", "udp");
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException("--transport must be udp or tcp, got " + transport);
        }
        this.sippCount = Integer.parseInt(opts.getOrDefault("sipp", "1"));
        this.udpPorts = Integer.parseInt(opts.getOrDefault("udp-ports", "1"));
        this.basePort = Integer.parseInt(opts.getOrDefault("base-port", "25060"));
        this.stepSeconds = Integer.parseInt(opts.getOrDefault("step-seconds", "10"));
        this.work = Files.createDirectories(Path.of(opts.getOrDefault("work", "/tmp/sip-load")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("sip load driver: expected --name value pairs, got "
                        + String.join(" ", Arrays.asList(args).subList(i, args.length)));
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        new SipLoadDriver(opts).run(args);
    }

    private void run(String[] args) throws Exception {
        Path scenarioFile = copyScenario(scenario.equals("register") ? "register-load.xml" : "call-load.xml");
        Path usersCsv = work.resolve("users.csv");
        double loadBefore = ProcStat.loadAverage();
        Process target = startTarget(usersCsv);
        try {
            String ready = awaitReady(target);
            System.out.println(ready);
            long targetPid = target.pid();
            // JIT warm-up: a first step at the first rate that is not reported.
            String[] rates = opts.getOrDefault("rates", "500,1000,2000").split(",");
            if (Integer.parseInt(opts.getOrDefault("warmup-seconds", "10")) > 0) {
                step(Integer.parseInt(rates[0].trim()), scenarioFile, usersCsv, targetPid, false);
            }
            header();
            int failedSteps = 0;
            for (String rate : rates) {
                boolean passed = step(Integer.parseInt(rate.trim()), scenarioFile, usersCsv, targetPid, true);
                failedSteps = passed ? 0 : failedSteps + 1;
                if (failedSteps >= Integer.parseInt(opts.getOrDefault("stop-after-failed", "1"))) {
                    break;
                }
                TimeUnit.SECONDS.sleep(Integer.parseInt(opts.getOrDefault("pause-seconds", "3")));
            }
        } finally {
            target.getOutputStream().close(); // the target exits at end of its standard input
            if (!target.waitFor(10, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
        String summary = bestRate < 0 ? "no step passed"
                : "highest passing rate: " + bestRate + "/s asked; " + bestRow;
        System.out.println(summary);
        if (opts.containsKey("append")) {
            append(Path.of(opts.get("append")), args, loadBefore, summary);
        }
    }

    private Path copyScenario(String name) throws IOException {
        Path file = work.resolve(name);
        try (InputStream in = SipLoadDriver.class.getResourceAsStream(name)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private Process startTarget(Path usersCsv) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvm = opts.getOrDefault("target-jvm", "-Xms2g -Xmx2g");
        if (!jvm.isBlank()) {
            command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SipLoadTarget.class.getName(),
                "--users", opts.getOrDefault("users", "10000"), "--users-csv", usersCsv.toString(),
                "--udp-ports", udpPortList(), "--tcp-port", Integer.toString(basePort),
                "--io-threads", opts.getOrDefault("io-threads", "0"),
                "--answer-delay-ms", opts.getOrDefault("answer-delay-ms", "0")));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private String udpPortList() {
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < udpPorts; i++) {
            ports.append(i == 0 ? "" : ",").append(basePort + i);
        }
        return ports.toString();
    }

    private static String awaitReady(Process target) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "target-output");
                drain.setDaemon(true);
                drain.start();
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("load target exited before it was ready:\n" + seen);
    }

    private void header() {
        rows.add("| asked/s | SIPp | calls | ok | failed | failed % | achieved/s | retrans | target CPU % "
                + "| busiest thread % | SIPp CPU % | machine busy % | load avg | pass |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.println(rows.get(0));
        System.out.println(rows.get(1));
    }

    private boolean step(int rate, Path scenarioFile, Path usersCsv, long targetPid, boolean report)
            throws Exception {
        long holdMs = Long.parseLong(opts.getOrDefault("hold-ms", "100"));
        int seconds0 = report ? stepSeconds : Integer.parseInt(opts.getOrDefault("warmup-seconds", "10"));
        long callsEach = Math.max(1, (long) rate * seconds0 / sippCount);
        List<SippRun> runs = new ArrayList<>();
        long targetTicks0 = ProcStat.processTicks(targetPid);
        Map<String, Long> threads0 = ProcStat.threadTicks(targetPid);
        long[] machine0 = ProcStat.machineTicks();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < sippCount; i++) {
                int port = transport.equals("udp") ? basePort + (i % udpPorts) : basePort;
                List<String> extra = new ArrayList<>();
                if (scenario.equals("register")) {
                    extra.addAll(List.of("-inf", usersCsv.toString()));
                } else {
                    extra.addAll(List.of("-d", Long.toString(holdMs)));
                }
                runs.add(SippRun.start(scenarioFile, work.resolve((report ? "step-" : "warmup-") + rate + "-sipp-" + i),
                        "127.0.0.1:" + port, transport.equals("udp") ? "u1" : "t1", basePort + 100 + i,
                        basePort + 200 + 10 * i, (double) rate / sippCount, callsEach, seconds0 + 40L, extra));
            }
            while (runs.stream().anyMatch(SippRun::isAlive)) {
                runs.forEach(SippRun::sampleCpu);
                TimeUnit.MILLISECONDS.sleep(100);
            }
            runs.forEach(SippRun::sampleCpu);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long targetTicks = ProcStat.processTicks(targetPid) - targetTicks0;
            Map<String, Long> threads1 = ProcStat.threadTicks(targetPid);
            long[] machine1 = ProcStat.machineTicks();
            String busiest = "-";
            long busiestTicks = 0;
            for (Map.Entry<String, Long> e : threads1.entrySet()) {
                long d = e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
                if (d > busiestTicks) {
                    busiestTicks = d;
                    busiest = e.getKey().substring(e.getKey().indexOf(' ') + 1);
                }
            }
            long ok = 0;
            long failed = 0;
            long retrans = 0;
            long sippTicks = 0;
            double longest = 0;
            for (SippRun run : runs) {
                SippRun.Outcome o = run.await(60);
                ok += o.successful();
                failed += o.failed();
                retrans += o.retransmissions();
                sippTicks += run.cpuTicks();
                longest = Math.max(longest, run.seconds());
            }
            long asked = callsEach * sippCount;
            double active = Math.max(0.001, longest - (scenario.equals("call") ? holdMs / 1000.0 : 0));
            double achieved = ok / active;
            double failedRatio = asked == 0 ? 1 : (double) (asked - ok) / asked;
            boolean pass = failedRatio < MAX_FAILED_RATIO && achieved >= MIN_ACHIEVED_RATIO * rate;
            double machineBusy = 100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1])
                    * Runtime.getRuntime().availableProcessors();
            String row = String.format(Locale.ROOT,
                    "| %d | %d | %d | %d | %d | %.3f | %.0f | %d | %.0f | %.0f (%s) | %.0f | %.0f | %.2f | %s |",
                    rate, sippCount, asked, ok, failed, 100 * failedRatio, achieved, retrans,
                    100.0 * targetTicks / ProcStat.TICKS_PER_SECOND / seconds,
                    100.0 * busiestTicks / ProcStat.TICKS_PER_SECOND / seconds, busiest,
                    100.0 * sippTicks / ProcStat.TICKS_PER_SECOND / seconds, machineBusy, ProcStat.loadAverage(),
                    pass ? "yes" : "no");
            if (!report) {
                System.out.println("warm-up: " + row);
                return pass;
            }
            rows.add(row);
            System.out.println(row);
            if (pass && rate > bestRate) {
                bestRate = rate;
                bestRow = String.format(Locale.ROOT, "%.0f/s achieved, target CPU %.0f%%", achieved,
                        100.0 * targetTicks / ProcStat.TICKS_PER_SECOND / seconds);
            }
            return pass;
        } finally {
            runs.forEach(SippRun::close);
        }
    }

    private void append(Path file, String[] args, double loadBefore, String summary) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        StringBuilder md = new StringBuilder("\n");
        md.append("Run ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm"))).append(" UTC, commit ").append(System.getProperty("git.commit", "unknown"))
                .append(", ").append(scenario).append(" over ").append(transport.toUpperCase(Locale.ROOT))
                .append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu)
                .append("), Java ").append(System.getProperty("java.version"))
                .append(String.format(Locale.ROOT, ", load average %.2f before the run.%n%n", loadBefore));
        md.append("```\nperf/sip-load ").append(String.join(" ", args)).append("\n```\n\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append('\n').append(summary).append(".\n");
        Files.writeString(file, md, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        System.out.println("appended to " + file);
    }
}
