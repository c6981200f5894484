package dev.acd.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {
    /** Half a u-law step: segments double from 8 (near zero) to 1024 (near full scale), offset by the 132 bias. */
    private static int ulawHalfStep(int sample) {
        int magnitude = Math.abs(sample) + 132;
        int segment = Math.max(0, 31 - Integer.numberOfLeadingZeros(magnitude) - 7);
        return 1 << (segment + 2);
    }

    /** Half an A-law step: 16 in the two lowest segments, then doubling up to 1024. */
    private static int alawHalfStep(int sample) {
        int value = Math.abs(sample) >> 3;
        int segment = Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(value, 1)) - 4);
        return segment < 2 ? 8 : 8 << (segment - 1);
    }

    @Test
    void shouldRoundTripEveryUlawSampleWithinHalfAQuantisationStep() {
        for (int s = -32124; s <= 32124; s++) {
            int back = G711.ulawToLinear(G711.linearToUlaw((short) s));
            assertTrue(Math.abs(back - s) <= ulawHalfStep(s), "u-law " + s + " came back as " + back);
        }
    }

    @Test
    void shouldRoundTripEveryAlawSampleWithinHalfAQuantisationStep() {
        for (int s = -32256; s <= 32256; s++) {
            int back = G711.alawToLinear(G711.linearToAlaw((short) s));
            assertTrue(Math.abs(back - s) <= alawHalfStep(s), "A-law " + s + " came back as " + back);
        }
    }

    @Test
    void shouldMapEveryCodeBackToItselfWhenDecodedAndEncodedAgain() {
        for (int code = 0; code < 256; code++) {
            byte u = (byte) code;
            if (code != 0x7F) { // u-law has two zeros (0x7F and 0xFF); encoding zero gives 0xFF
                assertEquals(u, G711.linearToUlaw(G711.ulawToLinear(u)), "u-law code " + code);
            }
            assertEquals(u, G711.linearToAlaw(G711.alawToLinear(u)), "A-law code " + code);
        }
    }

    @Test
    void shouldClipAtFullScaleWhenSampleIsLouderThanG711CanSay() {
        assertEquals(32124, G711.ulawToLinear(G711.linearToUlaw(Short.MAX_VALUE)));
        assertEquals(-32124, G711.ulawToLinear(G711.linearToUlaw(Short.MIN_VALUE)));
        assertEquals(32256, G711.alawToLinear(G711.linearToAlaw(Short.MAX_VALUE)));
        assertEquals(-32256, G711.alawToLinear(G711.linearToAlaw(Short.MIN_VALUE)));
    }
}
