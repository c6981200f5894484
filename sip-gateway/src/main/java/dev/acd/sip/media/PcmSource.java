package dev.acd.sip.media;

/**
 * Linear PCM16 audio at 8 kHz for the {@link Player}, read a frame at a time. The server builds sources from the
 * WAV files in its configuration (with the recorder's WavReader); {@link BuiltInSounds} gives the defaults.
 * A source is a cursor: one per playback.
 */
public interface PcmSource {
    /** Fills {@code frame} from index 0 and returns how many samples it wrote; fewer than asked at the end, 0 after. */
    int read(short[] frame);

    /** Plays {@code samples} once. The array is shared, not copied: do not change it. */
    static PcmSource once(short[] samples) {
        return new PcmSource() {
            private int position;

            @Override
            public int read(short[] frame) {
                int n = Math.min(frame.length, samples.length - position);
                System.arraycopy(samples, position, frame, 0, n);
                position += n;
                return n;
            }
        };
    }

    /** Plays {@code samples} over and over, seamlessly across the loop point. */
    static PcmSource looping(short[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("cannot loop an empty sound");
        }
        return new PcmSource() {
            private int position;

            @Override
            public int read(short[] frame) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = samples[position];
                    position = position + 1 == samples.length ? 0 : position + 1;
                }
                return frame.length;
            }
        };
    }
}
