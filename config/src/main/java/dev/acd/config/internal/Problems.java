package dev.acd.config.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.acd.config.ConfigProblem;

/** Collects every problem found while reading, so one run reports them all. */
final class Problems {
    private final List<ConfigProblem> found = new ArrayList<>();

    void add(Where where, String message) {
        found.add(new ConfigProblem(where.file(), where.line(), where.column(), where.path(), message));
    }

    void add(String file, String path, String message) {
        found.add(new ConfigProblem(file, 0, 0, path, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems grouped by file in the order files were first mentioned, then by position, like a compiler's. */
    List<ConfigProblem> sorted() {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (ConfigProblem problem : found) {
            fileOrder.putIfAbsent(problem.file(), fileOrder.size());
        }
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.<ConfigProblem>comparingInt(p -> fileOrder.get(p.file()))
                .thenComparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column));
        return sorted;
    }
}
