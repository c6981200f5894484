package dev.acd.sip.prompt;

import dev.acd.sip.media.PcmSource;
import java.util.List;

/**
 * Fragments played end to end as one {@link PcmSource}: a frame that spans two fragments is filled from both, so
 * the joins add no silence and the player's 20 ms pacing is unchanged. Reads the shared arrays without copying.
 * A cursor: one per playback, on one thread.
 */
public final class FragmentSequence implements PcmSource {
    private final short[][] parts;
    private int part;
    private int position;

    private FragmentSequence(short[][] parts) {
        this.parts = parts;
    }

    /** {@code fragments} of {@code prompts}, in order. */
    public static FragmentSequence of(PromptSet prompts, List<Fragment> fragments) {
        short[][] parts = new short[fragments.size()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = prompts.samples(fragments.get(i));
        }
        return new FragmentSequence(parts);
    }

    @Override
    public int read(short[] frame) {
        int written = 0;
        while (written < frame.length && part < parts.length) {
            short[] current = parts[part];
            int n = Math.min(frame.length - written, current.length - position);
            System.arraycopy(current, position, frame, written, n);
            written += n;
            position += n;
            if (position == current.length) {
                part++;
                position = 0;
            }
        }
        return written;
    }
}
