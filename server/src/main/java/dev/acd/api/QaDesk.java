package dev.acd.api;

import java.util.List;

import dev.acd.core.event.QaRated;
import dev.acd.recorder.qa.QaService;
import dev.acd.recorder.qa.ReviewItem;
import dev.acd.recorder.scorecard.ManualRating;

/** The supervisors' QA desk behind {@code /api/qa/...}: the review queue and manual ratings. */
public interface QaDesk {
    /** Calls waiting for review, oldest first. */
    List<ReviewItem> openReviews();

    /**
     * Records a supervisor's ratings, merged into the call's score and journaled.
     *
     * @throws IllegalArgumentException naming what is wrong with the ratings or the call
     */
    QaRated rate(long callId, String supervisorId, List<ManualRating> ratings);

    /** The running QA service's desk. */
    static QaDesk of(QaService qa) {
        return new QaDesk() {
            @Override
            public List<ReviewItem> openReviews() {
                return qa.openReviews();
            }

            @Override
            public QaRated rate(long callId, String supervisorId, List<ManualRating> ratings) {
                return qa.rate(callId, supervisorId, ratings);
            }
        };
    }

    /** No QA service: an empty review queue, and ratings refused. */
    QaDesk NONE = new QaDesk() {
        @Override
        public List<ReviewItem> openReviews() {
            return List.of();
        }

        @Override
        public QaRated rate(long callId, String supervisorId, List<ManualRating> ratings) {
            throw new IllegalArgumentException("QA scoring is not running on this server");
        }
    };
}
