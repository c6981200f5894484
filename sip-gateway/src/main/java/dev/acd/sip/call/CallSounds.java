package dev.acd.sip.call;

import dev.acd.sip.media.BuiltInSounds;
import dev.acd.sip.media.PcmSource;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What callers hear from us. Each is a supplier because a {@link PcmSource} is a cursor: one per playback. The
 * server builds them from the configuration's WAV files; {@link #builtIn()} gives the default set.
 *
 * @param holdMusic      looping music while queued or held
 * @param announcement   the periodic prompt while queued (position and expected wait come later: a beep for now)
 * @param goodbye        played before we hang up on a caller (max wait, after a callback request)
 * @param callbackPrompt played when a callback is offered: "press 1 for a callback"
 */
public record CallSounds(Supplier<PcmSource> holdMusic, Supplier<PcmSource> announcement,
        Supplier<PcmSource> goodbye, Supplier<PcmSource> callbackPrompt) {
    public CallSounds {
        Objects.requireNonNull(holdMusic, "holdMusic");
        Objects.requireNonNull(announcement, "announcement");
        Objects.requireNonNull(goodbye, "goodbye");
        Objects.requireNonNull(callbackPrompt, "callbackPrompt");
    }

    /** The built-in set: the synthesised hold tune, a beep as announcement, tone placeholders for the prompts. */
    public static CallSounds builtIn() {
        short[] goodbye = BuiltInSounds.tone(440, 400, 0.3);
        short[] callback = concat(BuiltInSounds.tone(880, 150, 0.3), new short[800], BuiltInSounds.tone(880, 150, 0.3));
        return new CallSounds(() -> PcmSource.looping(BuiltInSounds.holdMusic()),
                () -> PcmSource.once(BuiltInSounds.beep()), () -> PcmSource.once(goodbye),
                () -> PcmSource.once(callback));
    }

    private static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
