package dev.acd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator through the real router against Erlang C for one queue of identical reps. Tolerances were set from
 * the spread over seeds: with these call counts the probability of waiting and the service level land within about
 * half a point, ASA within about 5% (95% load is the noisiest: waits are long and strongly correlated).
 */
class ErlangCheckTest {

    @ParameterizedTest(name = "{0} reps, {1} calls/h, AHT {2} s: {3} calls")
    @CsvSource({
            "10,  84, 300, 100000, 0.10",   // 70% load
            "10, 102, 300, 200000, 0.08",   // 85% load
            "10, 114, 300, 400000, 0.08",   // 95% load
    })
    void shouldMatchErlangCWithinStatisticalTolerance(int reps, double callsPerHour, double aht, long calls,
                                                     double asaTolerance) {
        ErlangCheck.Outcome outcome = ErlangCheck.run(new ErlangCheck.Params(reps, callsPerHour, aht, 20, calls, 7));

        ErlangCheck.Figures expected = outcome.erlangC();
        ErlangCheck.Figures simulated = outcome.simulated();
        String where = outcome.toString();
        assertEquals(expected.probabilityOfWaiting(), simulated.probabilityOfWaiting(), 0.015, where);
        assertEquals(expected.serviceLevel(), simulated.serviceLevel(), 0.015, where);
        assertEquals(expected.asaSeconds(), simulated.asaSeconds(), expected.asaSeconds() * asaTolerance, where);
        assertEquals(expected.occupancy(), simulated.occupancy(), 0.01, where);
        assertEquals(calls, outcome.answered(), calls * 0.02, "every call is answered: there is no abandonment");
    }
}
