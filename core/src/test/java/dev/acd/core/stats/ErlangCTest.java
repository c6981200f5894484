package dev.acd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class ErlangCTest {
    private static final MathContext MC = new MathContext(60);

    /** C(N, A) by the textbook sum: (A^N/N! N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! N/(N-A)), in BigDecimal. */
    private static double directErlangC(int n, double traffic) {
        BigDecimal a = new BigDecimal(traffic);
        BigDecimal term = BigDecimal.ONE; // A^k / k!
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            sum = sum.add(term, MC);
            term = term.multiply(a, MC).divide(BigDecimal.valueOf(k + 1), MC);
        }
        BigDecimal top = term.multiply(BigDecimal.valueOf(n), MC).divide(BigDecimal.valueOf(n).subtract(a), MC);
        return top.divide(sum.add(top, MC), MC).doubleValue();
    }

    @Test
    void shouldMatchTheDirectSummationForSmallAndLargeStaffing() {
        double[][] cases = {{1, 0.5}, {2, 1}, {5, 3.2}, {11, 10}, {14, 10}, {30, 25.5}, {80, 60}, {200, 190.5}};
        for (double[] c : cases) {
            int n = (int) c[0];
            assertEquals(directErlangC(n, c[1]), ErlangC.probabilityOfWaiting(n, c[1]), 1e-12, "N=" + n + " A=" + c[1]);
        }
        assertEquals(directErlangC(4100, 4000), ErlangC.probabilityOfWaiting(4100, 4000), 1e-10, "N=4100 A=4000");
    }

    @Test
    void shouldGiveTheClosedFormForTwoRepsAtOneErlang() {
        // M/M/2 at utilisation 0.5: C = 2 rho^2 / (1 + rho) = 1/3.
        assertEquals(1.0 / 3, ErlangC.probabilityOfWaiting(2, 1.0), 1e-15);
        assertEquals(0.5, ErlangC.occupancy(2, 1.0), 1e-15);
    }

    @Test
    void shouldStaffTheTextbookExampleWithFourteenReps() {
        // 100 calls per half hour with a 180 s AHT is 10 erlangs; 80 % within 20 s needs 14 reps (13 give 79.6 %).
        double traffic = ErlangC.trafficIntensity(100 / 1800.0, 180);
        assertEquals(10, traffic, 1e-12);
        assertEquals(0.795595, ErlangC.serviceLevel(13, traffic, 180, 20), 1e-6);
        assertEquals(0.888350, ErlangC.serviceLevel(14, traffic, 180, 20), 1e-6);
        assertEquals(7.8359, ErlangC.averageSpeedOfAnswer(14, traffic, 180), 1e-4);
        assertEquals(14, ErlangC.repsForServiceLevel(traffic, 180, 20, 0.80));
        assertEquals(13, ErlangC.repsForServiceLevel(traffic, 180, 20, 0.79));
    }

    @Test
    void shouldStayFiniteAndMonotoneForThousandsOfReps() {
        double traffic = 3000;
        double previous = 1;
        for (int n = 3001; n <= 3300; n++) {
            double pw = ErlangC.probabilityOfWaiting(n, traffic);
            assertTrue(pw > 0 && pw < previous, "P_w must fall as reps are added, N=" + n + " gave " + pw);
            previous = pw;
        }
        int needed = ErlangC.repsForServiceLevel(traffic, 240, 20, 0.9);
        assertTrue(ErlangC.serviceLevel(needed, traffic, 240, 20) >= 0.9);
        assertTrue(ErlangC.serviceLevel(needed - 1, traffic, 240, 20) < 0.9);
    }

    @Test
    void shouldTreatTooFewRepsAsEveryoneWaitingForever() {
        assertEquals(1, ErlangC.probabilityOfWaiting(10, 10));
        assertEquals(1, ErlangC.probabilityOfWaiting(5, 12.5));
        assertEquals(Double.POSITIVE_INFINITY, ErlangC.averageSpeedOfAnswer(10, 10, 180));
        assertEquals(0, ErlangC.serviceLevel(9, 10, 180, 20));
        assertEquals(1, ErlangC.occupancy(9, 10));
        assertEquals(1, ErlangC.repsForServiceLevel(0, 180, 20, 0.8), "no traffic needs one rep");
    }

    @Test
    void shouldRejectBadInputNamingIt() {
        IllegalArgumentException goal = assertThrows(IllegalArgumentException.class,
                () -> ErlangC.repsForServiceLevel(10, 180, 20, 1.0));
        assertTrue(goal.getMessage().contains("goal"), goal.getMessage());
        IllegalArgumentException aht = assertThrows(IllegalArgumentException.class,
                () -> ErlangC.trafficIntensity(1, 0));
        assertTrue(aht.getMessage().contains("averageHandleSeconds"), aht.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ErlangC.probabilityOfWaiting(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.probabilityOfWaiting(3, Double.NaN));
    }
}
