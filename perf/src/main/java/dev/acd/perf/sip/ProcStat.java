package dev.acd.perf.sip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from Linux's {@code /proc}: a process's user + system ticks, per thread, the machine's busy and total
 * ticks, and the load average. Ticks are {@link #TICKS_PER_SECOND} a second (USER_HZ, 100 on Linux). A process that
 * has gone reads as -1.
 */
final class ProcStat {
    static final int TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** utime + stime of a process (all its threads), or -1 when it is gone. */
    static long processTicks(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** utime + stime of each thread of a process, by thread id with its name: "tid name". */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> byThread = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                String name = readOrEmpty(task.resolve("comm")).trim();
                long t = ticks(task.resolve("stat"));
                if (t >= 0) {
                    byThread.put(task.getFileName() + " " + name, t);
                }
            });
        } catch (IOException e) {
            // the process is gone: no threads
        }
        return byThread;
    }

    /** The machine's {busy, total} ticks over all cores since boot, from the first line of /proc/stat. */
    static long[] machineTicks() {
        String[] f = readOrEmpty(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < f.length; i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 4 || i == 5) { // idle, iowait
                idle += v;
            }
        }
        return new long[] {total - idle, total};
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        String text = readOrEmpty(Path.of("/proc/loadavg")).trim();
        return text.isEmpty() ? -1 : Double.parseDouble(text.split("\\s+")[0]);
    }

    private static long ticks(Path stat) {
        String text = readOrEmpty(stat);
        int end = text.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        // after "pid (comm)": state is field 3, utime field 14, stime field 15
        String[] f = text.substring(end + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
