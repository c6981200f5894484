package dev.acd.sip.call;

import dev.acd.sip.media.BuiltInSounds;
import dev.acd.sip.media.PcmSource;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What callers hear from us. Each is a supplier because a {@link PcmSource} is a cursor: one per playback. The
 * server builds them from the configuration's WAV files; {@link #builtIn()} gives the default set.
 *
 * @param holdMusic      looping music while queued or held
 * @param announcement   the periodic prompt while queued (position and expected wait come later: a beep for now)
 * @param goodbye        played before we hang up on a caller (max wait, after a callback request)
 * @param callbackPrompt played when a callback is offered: "press 1 for a callback"
 * @param menuPrompt     a line menu's prompt by its {@code LineMenu.prompt()} (a file path, or null for the built-in
 *                       one); must not block (files are loaded beforehand) and falls back to the built-in prompt
 */
public record CallSounds(Supplier<PcmSource> holdMusic, Supplier<PcmSource> announcement,
        Supplier<PcmSource> goodbye, Supplier<PcmSource> callbackPrompt, Function<String, PcmSource> menuPrompt) {
    public CallSounds {
        Objects.requireNonNull(holdMusic, "holdMusic");
        Objects.requireNonNull(announcement, "announcement");
        Objects.requireNonNull(goodbye, "goodbye");
        Objects.requireNonNull(callbackPrompt, "callbackPrompt");
        Objects.requireNonNull(menuPrompt, "menuPrompt");
    }

    /** Sounds whose every line menu plays the built-in menu prompt. */
    public CallSounds(Supplier<PcmSource> holdMusic, Supplier<PcmSource> announcement, Supplier<PcmSource> goodbye,
            Supplier<PcmSource> callbackPrompt) {
        this(holdMusic, announcement, goodbye, callbackPrompt, path -> PcmSource.once(builtInMenuPrompt()));
    }

    /** These sounds with {@code menuPrompt} for line menus. */
    public CallSounds withMenuPrompt(Function<String, PcmSource> menuPrompt) {
        return new CallSounds(holdMusic, announcement, goodbye, callbackPrompt, menuPrompt);
    }

    /**
     * The built-in menu prompt: a rising 660-880 Hz pair, a placeholder for a spoken "press 1 for ..., 2 for ...".
     */
    public static short[] builtInMenuPrompt() {
        return BuiltInMenu.PROMPT;
    }

    /** Synthesised once, on first use: every call on a menu line plays it, on its event loop. */
    private static final class BuiltInMenu {
        static final short[] PROMPT = concat(BuiltInSounds.tone(660, 250, 0.3), BuiltInSounds.tone(880, 250, 0.3));
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
