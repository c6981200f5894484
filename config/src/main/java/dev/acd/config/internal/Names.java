package dev.acd.config.internal;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for mistyped keys and ids. */
final class Names {
    private Names() {
    }

    /** " (did you mean 'x'?)" for the closest known name within a couple of edits, or "". */
    static String suggestion(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(lowerGiven, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, given.length() / 3));
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance; names are short, so the plain two-row version is enough. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
