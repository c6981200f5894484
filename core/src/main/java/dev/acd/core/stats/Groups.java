package dev.acd.core.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.acd.core.model.Direction;
import dev.acd.core.model.RepKind;
import dev.acd.core.stats.GroupStore.Dim;

/**
 * The accumulators a figure counts in, by the key of each grouping (the center, a rep and its kind, a queue, a
 * segment, a direction) for one interval. Runs on the projection's thread.
 */
final class Groups {
    private final GroupStore store;
    private final Map<String, RepKind> kinds = new HashMap<>();

    Groups(GroupStore store) {
        this.store = store;
    }

    /** Remembers a rep's kind as the latest ConfigChanged tells it. */
    void kind(String repId, RepKind kind) {
        kinds.put(repId, kind);
    }

    /** The rep's KIND key: its kind's name, or {@link StatsProjection#UNKNOWN_KIND} if no ConfigChanged named it. */
    String kindOf(String repId) {
        RepKind kind = kinds.get(repId);
        return kind == null ? StatsProjection.UNKNOWN_KIND : kind.name();
    }

    /** The center as a whole. */
    Accumulator all(long interval) {
        return store.acc(Dim.ALL, GroupStore.ALL_KEY, interval);
    }

    /** Where a call's figures count before it is classified: the center and the call's direction. */
    Accumulator[] call(Direction direction, long interval) {
        return new Accumulator[] {all(interval), store.acc(Dim.DIRECTION, direction.name(), interval)};
    }

    Accumulator segment(String segment, long interval) {
        return store.acc(Dim.SEGMENT, segment, interval);
    }

    Accumulator queue(String queueId, long interval) {
        return store.acc(Dim.QUEUE, queueId, interval);
    }

    /** Where a rep's figures count: the rep and the rep's kind. */
    Accumulator[] rep(String repId, long interval) {
        return new Accumulator[] {store.acc(Dim.REP, repId, interval), store.acc(Dim.KIND, kindOf(repId), interval)};
    }

    static Accumulator[] append(Accumulator[] targets, Accumulator one) {
        Accumulator[] out = Arrays.copyOf(targets, targets.length + 1);
        out[targets.length] = one;
        return out;
    }

    static Accumulator[] concat(Accumulator[] a, Accumulator[] b) {
        Accumulator[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
