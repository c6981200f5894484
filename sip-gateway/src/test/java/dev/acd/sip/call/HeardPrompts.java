package dev.acd.sip.call;

import dev.acd.core.audio.G711;
import dev.acd.sip.media.PcmSource;
import java.util.Arrays;

/** Finds a prompt, sample for sample, in what a test phone heard over PCMU. */
final class HeardPrompts {
    private HeardPrompts() {
    }

    /** Everything {@code source} plays, read 20 ms at a time as the player reads it. */
    static short[] drain(PcmSource source) {
        short[] frame = new short[160];
        short[] out = new short[0];
        int n;
        while ((n = source.read(frame)) > 0) {
            out = Arrays.copyOf(out, out.length + n);
            System.arraycopy(frame, 0, out, out.length - n, n);
        }
        return out;
    }

    /** {@code samples} as a phone hears them after PCMU encoding and decoding. */
    static short[] throughPcmu(short[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = G711.ulawToLinear(G711.linearToUlaw(samples[i]));
        }
        return out;
    }

    /** Where {@code wanted} starts in {@code heard}, every sample equal, or -1. */
    static int indexOf(short[] heard, short[] wanted) {
        outer:
        for (int start = 0; start + wanted.length <= heard.length; start++) {
            for (int i = 0; i < wanted.length; i++) {
                if (heard[start + i] != wanted[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
