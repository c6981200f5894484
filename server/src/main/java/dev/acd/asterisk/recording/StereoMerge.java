package dev.acd.asterisk.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavReader;
import dev.acd.recorder.wav.WavWriter;

/**
 * Merges MixMonitor's two legs of a call into the stereo recording QA reads: the customer's leg on the left channel,
 * the rep's on the right, 16-bit PCM at the legs' sample rate. Streams a block at a time, so memory stays
 * {@link #FRAMES_PER_BLOCK} frames whatever the call's length; the shorter leg is padded with silence (MixMonitor
 * starts both together, so they are aligned at the start). Writes to a temporary file beside the target and moves
 * it in when complete, so a reader never sees half a file. Stateless and thread-safe.
 */
public final class StereoMerge {
    /** Frames read from each leg at a time. */
    static final int FRAMES_PER_BLOCK = 4_096;

    private StereoMerge() {
    }

    /**
     * Writes {@code stereo} from the two legs and returns its duration in milliseconds.
     *
     * @throws IOException naming the file when a leg cannot be read, the legs' sample rates differ, or writing fails
     */
    public static long merge(Path customerLeg, Path repLeg, Path stereo) throws IOException {
        Path partial = stereo.resolveSibling("." + stereo.getFileName() + ".part");
        long frames = 0;
        int rate;
        try (WavReader customer = WavReader.open(customerLeg); WavReader rep = WavReader.open(repLeg)) {
            rate = customer.format().sampleRateHz();
            if (rep.format().sampleRateHz() != rate) {
                throw new IOException("cannot merge " + customerLeg + " (" + rate + " Hz) with " + repLeg + " ("
                        + rep.format().sampleRateHz() + " Hz): the legs' sample rates differ");
            }
            short[][] customerBlock = new short[customer.format().channels()][FRAMES_PER_BLOCK];
            short[][] repBlock = new short[rep.format().channels()][FRAMES_PER_BLOCK];
            short[][] out = new short[2][];
            try (WavWriter writer = WavWriter.create(partial, WavEncoding.PCM_16, 2, rate)) {
                while (true) {
                    int c = customer.read(customerBlock, FRAMES_PER_BLOCK);
                    int r = rep.read(repBlock, FRAMES_PER_BLOCK);
                    int n = Math.max(c, r);
                    if (n == 0) {
                        break;
                    }
                    // A leg that ended goes on as silence; its block is cleared past what was read.
                    java.util.Arrays.fill(customerBlock[0], c, n, (short) 0);
                    java.util.Arrays.fill(repBlock[0], r, n, (short) 0);
                    out[0] = customerBlock[0];
                    out[1] = repBlock[0];
                    writer.write(out, 0, n);
                    frames += n;
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, stereo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return frames * 1000 / rate;
    }
}
