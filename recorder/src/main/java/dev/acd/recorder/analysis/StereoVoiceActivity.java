package dev.acd.recorder.analysis;

import java.util.List;

/**
 * Voice activity of both parties of a stereo call, fed frame energies in step and deciding each frame once its
 * channel's noise floor is known (a fixed look-ahead later). Memory is bounded by the floor window, not the call.
 */
final class StereoVoiceActivity {
    /** The noise floor is looked for in energies averaged over this many frames. */
    static final int SMOOTHING_FRAMES = 5;
    private final NoiseFloorTracker[] floors = new NoiseFloorTracker[2];
    private final ChannelActivity[] channels = new ChannelActivity[2];
    private final double[][] recentEnergies;
    private final double[][] recentPowers = new double[2][SMOOTHING_FRAMES];
    private final double[] powerSums = new double[2];
    private long frames;

    StereoVoiceActivity(VadSettings settings, FrameClock clock) {
        int lookahead = settings.floorWindowMs() / settings.frameMs();
        int lookback = Math.max(1, settings.crosstalkLookbackMs() / settings.frameMs() + 1);
        recentEnergies = new double[2][lookback];
        for (int c = 0; c < 2; c++) {
            floors[c] = new NoiseFloorTracker(lookahead);
            channels[c] = new ChannelActivity(settings, clock);
            java.util.Arrays.fill(recentEnergies[c], FrameEnergy.SILENCE_DBFS);
        }
    }

    void accept(double leftDb, double rightDb) {
        floors[0].push(leftDb, smoothed(0, leftDb));
        floors[1].push(rightDb, smoothed(1, rightDb));
        frames++;
        decideReady(false);
    }

    private void decideReady(boolean ending) {
        while (floors[0].ready(ending)) {
            long frame = floors[0].nextFrame();
            int slot = (int) (frame % recentEnergies[0].length);
            recentEnergies[0][slot] = floors[0].nextEnergyDb();
            recentEnergies[1][slot] = floors[1].nextEnergyDb();
            for (int c = 0; c < 2; c++) {
                channels[c].decide(frame, floors[c].nextEnergyDb(), floors[c].nextFloorDb(),
                        loudest(recentEnergies[1 - c]));
            }
            floors[0].advance();
            floors[1].advance();
        }
    }

    /** The mean power of this channel's last few frames, in dB; needs {@code frames} not yet counted. */
    private double smoothed(int c, double energyDb) {
        int slot = (int) (frames % SMOOTHING_FRAMES);
        double power = Math.pow(10, energyDb / 10);
        powerSums[c] += power - recentPowers[c][slot];
        recentPowers[c][slot] = power;
        double mean = Math.max(powerSums[c], 0) / Math.min(frames + 1, SMOOTHING_FRAMES);
        return 10 * Math.log10(Math.max(mean, 1e-10));
    }

    private static double loudest(double[] energies) {
        double max = energies[0];
        for (int i = 1; i < energies.length; i++) {
            max = Math.max(max, energies[i]);
        }
        return max;
    }

    /** Decides the frames still waiting for look-ahead and closes the segments. */
    void finish() {
        decideReady(true);
        channels[0].finish(frames);
        channels[1].finish(frames);
    }

    ChannelActivity channel(int c) {
        return channels[c];
    }

    List<SpeechSegment> segments(int c) {
        return channels[c].segments();
    }
}
