package dev.acd.recorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The conversation measures worked out by hand on fixed segments. */
class ConversationMeasuresTest {
    private static SpeechSegment s(long startMs, long endMs) {
        return new SpeechSegment(startMs, endMs);
    }

    @Test
    void shouldMeasureTalkTurnsOvertalkAndDeadAirOfAFixedCall() {
        List<SpeechSegment> rep = List.of(s(2_000, 5_000), s(5_500, 9_000), s(12_000, 20_000), s(30_000, 31_000));
        List<SpeechSegment> customer = List.of(s(9_500, 12_500), s(19_000, 22_000), s(23_000, 24_000));
        ConversationMeasures m = ConversationMeasures.of(customer, rep, 60_000, 5_000);

        assertEquals(3_000 + 3_000 + 1_000, m.customerTalkMs());
        assertEquals(3_000 + 3_500 + 8_000 + 1_000, m.repTalkMs());
        assertEquals(15_500.0 / 22_500, m.repTalkRatio(), 1e-9);
        // 12.0-12.5 (rep cut in on the customer) and 19.0-20.0 (the customer cut in on the rep).
        assertEquals(1_500, m.overtalkTotalMs());
        assertEquals(1, m.repInterruptions());
        assertEquals(1, m.customerInterruptions());
        // Silences: 5.0-5.5, 9.0-9.5, 22-23, 24-30 (6 s, dead air); before 2 s and after 31 s do not count.
        assertEquals(1, m.deadAirCount());
        assertEquals(6_000, m.deadAirTotalMs());
        assertEquals(6_000, m.longestSilenceMs());
        // Turns: rep 2-9, customer 9.5-12.5, rep 12-20, customer 19-24 (its pause of 1 s does not end it),
        // rep 30-31 after dead air.
        assertEquals(5, m.turnCount());
        assertEquals(8_000, m.longestRepMonologueMs());
        assertEquals(5_000, m.longestCustomerTurnMs());
        assertEquals(2_000L, m.repFirstWordsMs());
        assertEquals(5.0, m.turnsPerMinute(), 1e-9);
    }

    @Test
    void shouldSplitATurnAtDeadAirAndCountNothingForASilentCall() {
        ConversationMeasures monologue = ConversationMeasures.of(List.of(),
                List.of(s(0, 4_000), s(9_000, 10_000)), 30_000, 5_000);
        assertEquals(2, monologue.turnCount(), "5 s of dead air ends the rep's turn");
        assertEquals(4_000, monologue.longestRepMonologueMs());
        assertEquals(1.0, monologue.repTalkRatio());
        assertEquals(0, monologue.customerInterruptions() + monologue.repInterruptions());

        ConversationMeasures silent = ConversationMeasures.of(List.of(), List.of(), 30_000, 5_000);
        assertEquals(0.0, silent.repTalkRatio());
        assertEquals(0, silent.deadAirCount(), "no words, so no dead air between words either");
        assertEquals(null, silent.repFirstWordsMs());
        assertEquals(0.0, silent.turnsPerMinute());
    }
}
