package dev.acd.recorder.analysis;

/**
 * The noise floor of one channel, frame by frame, from the quietest frames around each frame.
 *
 * <p>The floor of frame j is the larger of the quietest frame in the L frames before it and the quietest in the L
 * frames after it: speech always has pauses on both sides within a few seconds, while a line whose noise steps up
 * or down is followed at once (a plain windowed minimum would call the louder noise speech for L frames). Near the
 * start and end of a recording, where one side's window is cut short, the full side alone decides. Decisions come
 * out L frames after their frame went in; memory is O(L), whatever the call's length.
 */
final class NoiseFloorTracker {
    private final int lookahead;
    private final SlidingMinimum window;
    private final double[] energies;
    private final double[] pastMinima;
    private long pushed;
    private long emitted;

    NoiseFloorTracker(int lookaheadFrames) {
        this.lookahead = lookaheadFrames;
        this.window = new SlidingMinimum(lookaheadFrames + 1);
        this.energies = new double[lookaheadFrames + 1];
        this.pastMinima = new double[lookaheadFrames + 1];
    }

    /**
     * Adds a frame: its own energy (what is decided on) and its smoothed energy (what the floor is looked for in;
     * smoothing keeps the quietest frame of a rumbling line from being far below the line's usual level).
     */
    void push(double energyDb, double smoothedDb) {
        int slot = (int) (pushed % energies.length);
        window.push(pushed, smoothedDb);
        energies[slot] = energyDb;
        pastMinima[slot] = window.minimum();
        pushed++;
    }

    /** True when the next frame's floor can be told (its look-ahead is in), or at the end when frames are left. */
    boolean ready(boolean ending) {
        return ending ? emitted < pushed : pushed - emitted > lookahead;
    }

    long nextFrame() {
        return emitted;
    }

    double nextEnergyDb() {
        return energies[(int) (emitted % energies.length)];
    }

    double nextFloorDb() {
        double past = pastMinima[(int) (emitted % energies.length)];
        boolean pastFull = emitted >= lookahead;
        boolean futureFull = pushed - 1 >= emitted + lookahead;
        if (futureFull) {
            double future = window.minimum();
            return pastFull ? Math.max(past, future) : future;
        }
        // Ending: the window holds emitted..pushed-1 only while no more than L frames are left, i.e. the future.
        double future = window.minimumFrom(emitted);
        return pastFull ? past : Math.min(past, future);
    }

    void advance() {
        emitted++;
    }

    /** Minimum over the last n pushed values, by a monotonic deque (amortised O(1) per value). */
    static final class SlidingMinimum {
        private final int size;
        private final long[] index;
        private final double[] value;
        private int head;
        private int count;

        SlidingMinimum(int size) {
            this.size = size;
            this.index = new long[size + 1];
            this.value = new double[size + 1];
        }

        void push(long i, double v) {
            while (count > 0 && index[head] <= i - size) {
                head = (head + 1) % index.length;
                count--;
            }
            while (count > 0 && value[(head + count - 1) % index.length] >= v) {
                count--;
            }
            int slot = (head + count) % index.length;
            index[slot] = i;
            value[slot] = v;
            count++;
        }

        double minimum() {
            return value[head];
        }

        /** The minimum over the window's values at index {@code from} or later. */
        double minimumFrom(long from) {
            for (int k = 0; k < count; k++) {
                int slot = (head + k) % index.length;
                if (index[slot] >= from) {
                    return value[slot];
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }
}
