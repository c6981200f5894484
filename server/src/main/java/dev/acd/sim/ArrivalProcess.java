package dev.acd.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.IntToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Poisson arrivals whose rate changes by local hour of day (a non-homogeneous Poisson process with a piecewise
 * constant rate): the next arrival is where the integrated rate since {@code from} reaches an exponential draw.
 */
public final class ArrivalProcess {
    private static final double MS_PER_HOUR = 3_600_000.0;

    private final IntToDoubleFunction callsPerHourAtHour;
    private final ZoneId zone;
    private final RandomGenerator random;

    public ArrivalProcess(IntToDoubleFunction callsPerHourAtHour, ZoneId zone, RandomGenerator random) {
        this.callsPerHourAtHour = callsPerHourAtHour;
        this.zone = zone;
        this.random = random;
    }

    /** The next arrival after {@code from}, or -1 when none comes before {@code end}. */
    public long next(long from, long end) {
        double need = -Math.log(1.0 - random.nextDouble());
        long t = from;
        while (t < end) {
            ZonedDateTime local = Instant.ofEpochMilli(t).atZone(zone);
            long hourEnd = Math.min(end, local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant().toEpochMilli());
            double ratePerMs = callsPerHourAtHour.applyAsDouble(local.getHour()) / MS_PER_HOUR;
            double available = ratePerMs * (hourEnd - t);
            if (ratePerMs > 0 && available >= need) {
                return t + (long) Math.ceil(need / ratePerMs);
            }
            need -= available;
            t = hourEnd;
        }
        return -1;
    }
}
