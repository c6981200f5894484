package dev.acd.recorder.wav;

/** G.711 u-law and A-law to 16-bit linear, by table (ITU-T G.711 expansion). */
final class G711 {
    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW[code] = (short) expandUlaw(code);
            ALAW[code] = (short) expandAlaw(code);
        }
    }

    private G711() {
    }

    static short ulaw(byte code) {
        return ULAW[code & 0xFF];
    }

    static short alaw(byte code) {
        return ALAW[code & 0xFF];
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

    /** The u-law code of a linear sample, for writing test recordings and G.711 recordings. */
    static byte compressUlaw(short sample) {
        int s = sample;
        int sign = s < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(s), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
