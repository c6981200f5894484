package dev.acd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaReviewReason;
import dev.acd.recorder.qa.ReviewItem;
import dev.acd.recorder.scorecard.ManualRating;

/** The supervisors' QA desk over HTTP: the review queue, and manual ratings validated and recorded. */
class ApiQaTest {
    @TempDir
    Path dir;

    private ApiHarness api;
    private final List<String> rated = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, 1_795_000_000_000L);
        api.qa.set(new QaDesk() {
            @Override
            public List<ReviewItem> openReviews() {
                return List.of(new ReviewItem(41, ApiHarness.REP, "new-sales", 38,
                        List.of(QaReviewReason.LOW_SCORE), 1_795_000_000_000L));
            }

            @Override
            public QaRated rate(long callId, String supervisorId, List<ManualRating> ratings) {
                if (!ratings.get(0).criterion().equals("product knowledge")) {
                    throw new IllegalArgumentException("scorecard 'new-sales' does not rate '"
                            + ratings.get(0).criterion() + "' by hand");
                }
                rated.add(supervisorId + " rated " + callId);
                return new QaRated(1_795_000_001_000L, callId, ApiHarness.REP, supervisorId, "new-sales", 52,
                        List.of(new QaRating("product knowledge", ratings.get(0).rating(), ratings.get(0).comment())));
            }
        });
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldListTheReviewQueueForSupervisorsOnly() throws Exception {
        HttpResponse<String> reviews = api.get("/api/qa/reviews", api.login(ApiHarness.SUPERVISOR));

        assertEquals(200, reviews.statusCode(), reviews.body());
        JsonNode first = api.read(reviews).get(0);
        assertEquals(41, first.get("callId").asLong());
        assertEquals("LOW_SCORE", first.get("reasons").get(0).asText());
        assertEquals(403, api.get("/api/qa/reviews", api.login(ApiHarness.REP_USER)).statusCode());
    }

    @Test
    void shouldRecordASupervisorsRatingAndAnswerTheMergedScore() throws Exception {
        HttpResponse<String> response = api.post("/api/calls/41/qa", api.login(ApiHarness.SUPERVISOR),
                "{\"ratings\":[{\"criterion\":\"product knowledge\",\"rating\":4,\"comment\":\"knew the CRM\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(52, api.read(response).get("score").asInt());
        assertEquals(List.of(ApiHarness.SUPERVISOR + " rated 41"), rated);
    }

    @Test
    void shouldRefuseBadRatingsNamingTheProblemAndRecordNothing() throws Exception {
        String token = api.login(ApiHarness.SUPERVISOR);

        HttpResponse<String> outOfRange = api.post("/api/calls/41/qa", token,
                "{\"ratings\":[{\"criterion\":\"product knowledge\",\"rating\":7}]}");
        HttpResponse<String> unknown = api.post("/api/calls/41/qa", token,
                "{\"ratings\":[{\"criterion\":\"charm\",\"rating\":3}]}");
        HttpResponse<String> empty = api.post("/api/calls/41/qa", token, "{\"ratings\":[]}");

        assertEquals(400, outOfRange.statusCode(), outOfRange.body());
        assertTrue(outOfRange.body().contains("rating 7 is not from 1 to 5"), outOfRange.body());
        assertEquals(409, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("does not rate 'charm'"), unknown.body());
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(rated.isEmpty());
    }
}
