package dev.acd.router.pipeline;

/**
 * Settings of the router pipeline.
 *
 * @param ringSize     slots in the ring buffer, a power of two
 * @param waitStrategy how handler threads wait for events: {@code blocking} (low CPU, the default: blocks for new
 *                     events, backs off to parking while waiting for the handler ahead), {@code blocking-spin}
 *                     (the Disruptor's own, which busy-spins behind the handler ahead), {@code yielding} (lowest
 *                     latency, burns a core per handler) or {@code sleeping}
 */
public record PipelineSettings(int ringSize, String waitStrategy) {
    public static final PipelineSettings DEFAULT = new PipelineSettings(65_536, "blocking");

    public PipelineSettings {
        if (ringSize <= 0 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two, got " + ringSize);
        }
        if (!waitStrategy.equals("blocking") && !waitStrategy.equals("yielding") && !waitStrategy.equals("sleeping")) {
            throw new IllegalArgumentException("waitStrategy must be blocking, yielding or sleeping, got " + waitStrategy);
        }
    }
}
