package dev.acd.recorder.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a call went as a conversation, from each party's speech segments.
 *
 * <p>Dead air is a pause of at least the dead-air threshold with neither party speaking, between the first and last
 * words of the call (ringing silence before, and silence after the last words, do not count). A turn is a party's
 * run of segments not broken by the other party starting to speak nor by dead air; a rep monologue is a rep turn.
 * An interruption is a party starting to speak while the other is speaking.
 *
 * @param repFirstWordsMs time from the start of the recording (the answer) to the rep's first words; null if the rep
 *                        never spoke
 * @param repTalkRatio    rep talk / (rep talk + customer talk); 0 when nobody spoke
 */
public record ConversationMeasures(long customerTalkMs, long repTalkMs, double repTalkRatio,
                                   int deadAirCount, long deadAirTotalMs, long longestSilenceMs,
                                   long overtalkTotalMs, int repInterruptions, int customerInterruptions,
                                   long longestRepMonologueMs, long longestCustomerTurnMs, Long repFirstWordsMs,
                                   int turnCount, double turnsPerMinute) {

    /** The measures of a call of {@code durationMs} whose parties spoke in these segments (each sorted by start). */
    public static ConversationMeasures of(List<SpeechSegment> customer, List<SpeechSegment> rep, long durationMs,
                                          long deadAirMinMs) {
        long customerTalk = total(customer);
        long repTalk = total(rep);
        double ratio = customerTalk + repTalk == 0 ? 0 : (double) repTalk / (customerTalk + repTalk);

        List<Turn> all = new ArrayList<>();
        customer.forEach(s -> all.add(new Turn(false, s.startMs(), s.endMs())));
        rep.forEach(s -> all.add(new Turn(true, s.startMs(), s.endMs())));
        all.sort(Comparator.comparingLong(Turn::start).thenComparingLong(Turn::end));

        int deadAirCount = 0;
        long deadAirTotal = 0;
        long longestSilence = 0;
        long heardUntil = -1;
        for (Turn s : all) {
            if (heardUntil >= 0 && s.start() > heardUntil) {
                long gap = s.start() - heardUntil;
                longestSilence = Math.max(longestSilence, gap);
                if (gap >= deadAirMinMs) {
                    deadAirCount++;
                    deadAirTotal += gap;
                }
            }
            heardUntil = Math.max(heardUntil, s.end());
        }

        List<Turn> turns = new ArrayList<>();
        Turn current = null;
        for (Turn s : all) {
            if (current != null && current.rep() == s.rep() && s.start() - current.end() < deadAirMinMs) {
                current = new Turn(current.rep(), current.start(), Math.max(current.end(), s.end()));
            } else {
                if (current != null) {
                    turns.add(current);
                }
                current = s;
            }
        }
        if (current != null) {
            turns.add(current);
        }
        long longestRep = 0;
        long longestCustomer = 0;
        for (Turn t : turns) {
            if (t.rep()) {
                longestRep = Math.max(longestRep, t.end() - t.start());
            } else {
                longestCustomer = Math.max(longestCustomer, t.end() - t.start());
            }
        }
        double minutes = durationMs / 60_000.0;
        return new ConversationMeasures(customerTalk, repTalk, ratio, deadAirCount, deadAirTotal, longestSilence,
                overlap(customer, rep), interruptions(rep, customer), interruptions(customer, rep),
                longestRep, longestCustomer, rep.isEmpty() ? null : rep.get(0).startMs(),
                turns.size(), minutes == 0 ? 0 : turns.size() / minutes);
    }

    private record Turn(boolean rep, long start, long end) {
    }

    private static long total(List<SpeechSegment> segments) {
        long sum = 0;
        for (SpeechSegment s : segments) {
            sum += s.durationMs();
        }
        return sum;
    }

    private static long overlap(List<SpeechSegment> a, List<SpeechSegment> b) {
        long sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            SpeechSegment x = a.get(i);
            SpeechSegment y = b.get(j);
            sum += Math.max(0, Math.min(x.endMs(), y.endMs()) - Math.max(x.startMs(), y.startMs()));
            if (x.endMs() < y.endMs()) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** How many of {@code interrupter}'s segments start while one of {@code other}'s is going on. */
    private static int interruptions(List<SpeechSegment> interrupter, List<SpeechSegment> other) {
        int count = 0;
        int j = 0;
        for (SpeechSegment s : interrupter) {
            while (j < other.size() && other.get(j).endMs() <= s.startMs()) {
                j++;
            }
            if (j < other.size() && other.get(j).startMs() < s.startMs()) {
                count++;
            }
        }
        return count;
    }
}
