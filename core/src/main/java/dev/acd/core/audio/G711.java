package dev.acd.core.audio;

/**
 * G.711 u-law (PCMU) and A-law (PCMA) to and from 16-bit linear samples (ITU-T G.711), all four directions by table
 * lookup so the RTP relay pays one array read per sample. Stateless and thread-safe.
 *
 * <p>It lives in {@code core} because both {@code sip-gateway} (transcoding RTP) and {@code recorder} (G.711 WAV
 * files) need it, and neither may depend on the other.
 */
public final class G711 {
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    /** Indexed by the sample as an unsigned 16-bit value: 64 KiB each, exact for every input. */
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) expandUlaw(code);
            ALAW_TO_LINEAR[code] = (short) expandAlaw(code);
        }
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            LINEAR_TO_ULAW[sample & 0xFFFF] = compressUlaw(sample);
            LINEAR_TO_ALAW[sample & 0xFFFF] = compressAlaw(sample);
        }
    }

    private G711() {
    }

    /** The linear sample a u-law code stands for. */
    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    /** The linear sample an A-law code stands for. */
    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** The u-law code nearest a linear sample (clipped at u-law's full scale, 32124). */
    public static byte linearToUlaw(short sample) {
        return LINEAR_TO_ULAW[sample & 0xFFFF];
    }

    /** The A-law code nearest a linear sample (clipped at A-law's full scale, 32256). */
    public static byte linearToAlaw(short sample) {
        return LINEAR_TO_ALAW[sample & 0xFFFF];
    }

    private static int expandUlaw(int code) {
        int u = ~code & 0xFF;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    private static int expandAlaw(int code) {
        int a = code ^ 0x55;
        int magnitude = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            magnitude += 8;
        } else {
            magnitude = (magnitude + 0x108) << (segment - 1);
        }
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static byte compressUlaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        // 32635 + the 0x84 bias is the top of u-law's last segment
        int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static byte compressAlaw(int sample) {
        // A-law works on 13 bits; the sign bit set means positive, and even bits are inverted (the 0x55 mask)
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = 0;
        while (segment < 8 && value > (0x20 << segment) - 1) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte) (code ^ mask);
    }
}
