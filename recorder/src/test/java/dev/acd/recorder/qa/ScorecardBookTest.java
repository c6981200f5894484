package dev.acd.recorder.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.acd.core.model.QaMeasure;
import dev.acd.recorder.scorecard.Band;
import dev.acd.recorder.scorecard.Criterion;
import dev.acd.recorder.scorecard.DefaultScorecard;
import dev.acd.recorder.scorecard.Scorecard;
import dev.acd.recorder.scorecard.ScorecardBook;

class ScorecardBookTest {
    private static Scorecard card(String name) {
        return new Scorecard(name, List.of(new Criterion("listening", QaMeasure.REP_TALK_RATIO, 1,
                List.of(new Band(0, 1, 100)))));
    }

    private final Scorecard sales = card("sales-card");
    private final Scorecard renewals = card("renewal-card");
    private final Scorecard strategic = card("strategic-card");

    @Test
    void shouldPickTheQueuesScorecardBeforeTheSegmentsAndTheDefaultLast() {
        ScorecardBook book = new ScorecardBook(List.of(
                new ScorecardBook.Entry(sales, Set.of("sales"), Set.of()),
                new ScorecardBook.Entry(renewals, Set.of("renewals"), Set.of()),
                new ScorecardBook.Entry(strategic, Set.of(), Set.of("strategic"))), "sales-card");
        assertEquals(renewals, book.forCall("renewals", "strategic"), "the queue's scorecard wins");
        assertEquals(strategic, book.forCall("partner-desk", "strategic"));
        assertEquals(strategic, book.forCall(null, "strategic"), "an outbound call has no queue");
        assertEquals(sales, book.forCall("partner-desk", "long-tail"), "the default takes what nobody claims");
        assertEquals(sales, book.forCall(null, null));
    }

    @Test
    void shouldFallBackToTheBuiltInScorecardWithoutADefault() {
        ScorecardBook book = new ScorecardBook(List.of(new ScorecardBook.Entry(sales, Set.of("sales"), Set.of())),
                null);
        assertEquals(DefaultScorecard.NAME, book.forCall("renewals", "smb").name());
        assertEquals(DefaultScorecard.NAME, ScorecardBook.builtIn().forCall("sales", null).name());
        assertEquals(sales, book.named("sales-card").orElseThrow());
        assertEquals(DefaultScorecard.NAME, book.named(DefaultScorecard.NAME).orElseThrow().name());
    }

    @Test
    void shouldRefuseAQueueWithTwoScorecardsAndAnUnknownDefault() {
        assertEquals("the queue 'sales' has two scorecards, 'sales-card' and 'renewal-card'",
                assertThrows(IllegalArgumentException.class, () -> new ScorecardBook(List.of(
                        new ScorecardBook.Entry(sales, Set.of("sales"), Set.of()),
                        new ScorecardBook.Entry(renewals, Set.of("sales"), Set.of())), null)).getMessage());
        assertEquals("default scorecard 'nope' is not one of [sales-card]",
                assertThrows(IllegalArgumentException.class, () -> new ScorecardBook(List.of(
                        new ScorecardBook.Entry(sales, Set.of("sales"), Set.of())), "nope")).getMessage());
    }
}
