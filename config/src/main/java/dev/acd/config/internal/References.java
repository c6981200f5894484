package dev.acd.config.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids defined and ids referred to, by kind ("queue", "skill", ...). Definitions report duplicates at once;
 * references are resolved at the end, so a file may refer to something defined further down.
 */
final class References {
    private record Wanted(String kind, String id, Where where, String missingMessage) {
    }

    private final Problems problems;
    private final Map<String, Map<String, Where>> defined = new HashMap<>();
    private final List<Wanted> wanted = new ArrayList<>();

    References(Problems problems) {
        this.problems = problems;
    }

    /** Defines an id of a kind; a second definition is a problem. Null ids (already reported) are ignored. */
    void define(String kind, String id, Where where) {
        if (id == null) {
            return;
        }
        Where first = ids(kind).putIfAbsent(id, where);
        if (first != null) {
            problems.add(where, "duplicate " + kind + " '" + id + "' (first defined at " + place(first, where) + ")");
        }
    }

    /** Defines an id that many entries may share, such as a team. */
    void defineShared(String kind, String id, Where where) {
        if (id != null) {
            ids(kind).putIfAbsent(id, where);
        }
    }

    /** Asks that an id of a kind exist by the end. */
    void expect(String kind, String id, Where where) {
        expect(kind, id, where, null);
    }

    /** Asks that an id exist, with a message of one's own when it does not (a suggestion is appended). */
    void expect(String kind, String id, Where where, String missingMessage) {
        if (id != null) {
            wanted.add(new Wanted(kind, id, where, missingMessage));
        }
    }

    /** Reports every reference to an id that was never defined. */
    void resolve() {
        for (Wanted w : wanted) {
            Map<String, Where> known = ids(w.kind());
            if (known.containsKey(w.id())) {
                continue;
            }
            String message = w.missingMessage() != null ? w.missingMessage() : "unknown " + w.kind() + " '" + w.id() + "'";
            String hint = Names.suggestion(w.id(), known.keySet());
            if (hint.isEmpty() && !known.isEmpty() && known.size() <= 12) {
                hint = "; known: " + String.join(", ", known.keySet());
            } else if (known.isEmpty()) {
                hint = "; none is defined";
            }
            problems.add(w.where(), message + hint);
        }
    }

    private Map<String, Where> ids(String kind) {
        return defined.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    }

    private static String place(Where first, Where here) {
        String line = first.line() > 0 ? "line " + first.line() : "";
        if (first.file().equals(here.file())) {
            return line;
        }
        return first.file() + (line.isEmpty() ? "" : " " + line);
    }
}
