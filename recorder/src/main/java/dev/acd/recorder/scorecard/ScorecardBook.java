package dev.acd.recorder.scorecard;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scorecards in force and which call each scores: the scorecard that claims the call's queue, else the one that
 * claims its segment, else the default scorecard, else the built-in {@link DefaultScorecard}. Immutable, so
 * thread-safe.
 */
public final class ScorecardBook {
    /** A scorecard with the queues and segments whose calls it scores. */
    public record Entry(Scorecard scorecard, Set<String> queues, Set<String> segments) {
        public Entry {
            queues = Set.copyOf(queues);
            segments = Set.copyOf(segments);
        }
    }

    private final Map<String, Scorecard> byName = new LinkedHashMap<>();
    private final Map<String, Scorecard> byQueue = new HashMap<>();
    private final Map<String, Scorecard> bySegment = new HashMap<>();
    private final Scorecard fallback;

    /**
     * @param defaultName the scorecard of calls no entry claims, or null for the built-in default
     * @throws IllegalArgumentException if two entries share a name, a queue or a segment, or the default is unknown
     */
    public ScorecardBook(List<Entry> entries, String defaultName) {
        for (Entry e : entries) {
            String name = e.scorecard().name();
            if (byName.putIfAbsent(name, e.scorecard()) != null) {
                throw new IllegalArgumentException("two scorecards are named '" + name + "'");
            }
            claim(byQueue, e.queues(), e.scorecard(), "queue");
            claim(bySegment, e.segments(), e.scorecard(), "segment");
        }
        if (defaultName == null) {
            fallback = DefaultScorecard.create();
        } else {
            fallback = byName.get(defaultName);
            if (fallback == null) {
                throw new IllegalArgumentException("default scorecard '" + defaultName + "' is not one of "
                        + byName.keySet());
            }
        }
    }

    /** Only the built-in default scorecard, for every call. */
    public static ScorecardBook builtIn() {
        return new ScorecardBook(List.of(), null);
    }

    /** The scorecard for a call in {@code queueId} (may be null) of {@code segment} (may be null). */
    public Scorecard forCall(String queueId, String segment) {
        Scorecard card = queueId == null ? null : byQueue.get(queueId);
        if (card == null && segment != null) {
            card = bySegment.get(segment);
        }
        return card == null ? fallback : card;
    }

    /** A scorecard by name; {@link DefaultScorecard#NAME} is the built-in one unless a configured one has its name. */
    public Optional<Scorecard> named(String name) {
        Scorecard card = byName.get(name);
        if (card == null && DefaultScorecard.NAME.equals(name)) {
            card = DefaultScorecard.create();
        }
        return Optional.ofNullable(card);
    }

    /** The scorecard of calls no scorecard claims. */
    public Scorecard fallback() {
        return fallback;
    }

    private static void claim(Map<String, Scorecard> claims, Set<String> ids, Scorecard card, String kind) {
        for (String id : ids) {
            Scorecard first = claims.putIfAbsent(id, card);
            if (first != null) {
                throw new IllegalArgumentException("the " + kind + " '" + id + "' has two scorecards, '"
                        + first.name() + "' and '" + card.name() + "'");
            }
        }
    }
}
