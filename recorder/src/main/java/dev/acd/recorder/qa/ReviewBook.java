package dev.acd.recorder.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.acd.core.event.Event;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;

/**
 * The review queue and the automatic scores, derived from the journal: {@code QaReviewRequested} opens an item, a
 * {@code QaRated} for the call closes it. Fed by the tailer thread, read by API threads, so every method locks.
 */
final class ReviewBook {
    private final Map<Long, ScoredCallRecord> scored = new HashMap<>();
    private final LinkedHashMap<Long, ReviewItem> open = new LinkedHashMap<>();

    synchronized void apply(Event event) {
        if (event instanceof QaScored e && !e.manual()) {
            scored.put(e.callId(), new ScoredCallRecord(e.callId(), e.repId(), e.scorecard(), e.score()));
        } else if (event instanceof QaReviewRequested e) {
            open.remove(e.callId());
            open.put(e.callId(), new ReviewItem(e.callId(), e.repId(), e.scorecard(), e.score(), e.reasons(), e.at()));
        } else if (event instanceof QaRated e) {
            open.remove(e.callId());
        }
    }

    synchronized boolean isScored(long callId) {
        return scored.containsKey(callId);
    }

    synchronized ScoredCallRecord scored(long callId) {
        return scored.get(callId);
    }

    synchronized List<ReviewItem> open() {
        List<ReviewItem> items = new ArrayList<>(open.values());
        // Requests made in the same millisecond (several workers) keep the calls' order.
        items.sort(Comparator.comparingLong(ReviewItem::requestedAt).thenComparingLong(ReviewItem::callId));
        return items;
    }
}
