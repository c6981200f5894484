package dev.acd.sip.transaction;

/**
 * The base intervals of RFC 3261 section 17.1.1.1 from which every transaction timer is derived.
 *
 * @param t1Ms round-trip time estimate (default 500 ms)
 * @param t2Ms longest retransmission interval for non-INVITE requests and INVITE responses (default 4 s)
 * @param t4Ms longest time a message stays in the network (default 5 s)
 */
public record TimerSettings(long t1Ms, long t2Ms, long t4Ms) {
    public static final long DEFAULT_T1_MS = 500;
    public static final long DEFAULT_T2_MS = 4_000;
    public static final long DEFAULT_T4_MS = 5_000;
    /** Timer D's floor on unreliable transports (section 17.1.1.2). */
    public static final long MIN_TIMER_D_MS = 32_000;

    /** The RFC's recommended values. */
    public static final TimerSettings DEFAULTS = new TimerSettings(DEFAULT_T1_MS, DEFAULT_T2_MS, DEFAULT_T4_MS);

    public TimerSettings {
        if (t1Ms <= 0 || t2Ms < t1Ms || t4Ms <= 0) {
            throw new IllegalArgumentException("need T1 > 0, T2 >= T1 and T4 > 0; got T1=" + t1Ms + " ms, T2="
                    + t2Ms + " ms, T4=" + t4Ms + " ms");
        }
    }

    /** 64*T1: timers B, F, H and J. */
    public long timeoutMs() {
        return 64 * t1Ms;
    }

    /** Timer D on an unreliable transport: 32 s, or 64*T1 when that is longer. */
    public long timerDMs() {
        return Math.max(MIN_TIMER_D_MS, timeoutMs());
    }
}
