package dev.acd.core.stats;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Accumulators by dimension, group value and interval start. */
final class GroupStore {
    /** The dimensions figures are kept by; ALL is the center as a whole, under the value "". */
    enum Dim { ALL, REP, QUEUE, SEGMENT, KIND, DIRECTION }

    static final String ALL_KEY = "";

    private final EnumMap<Dim, Map<String, TreeMap<Long, Accumulator>>> byDim = new EnumMap<>(Dim.class);

    GroupStore() {
        for (Dim dim : Dim.values()) {
            byDim.put(dim, new HashMap<>());
        }
    }

    Accumulator acc(Dim dim, String value, long intervalStart) {
        return byDim.get(dim).computeIfAbsent(value, k -> new TreeMap<>())
                .computeIfAbsent(intervalStart, k -> new Accumulator());
    }

    Map<String, TreeMap<Long, Accumulator>> dim(Dim dim) {
        return byDim.get(dim);
    }

    TreeMap<Long, Accumulator> all() {
        return byDim.get(Dim.ALL).getOrDefault(ALL_KEY, new TreeMap<>());
    }
}
