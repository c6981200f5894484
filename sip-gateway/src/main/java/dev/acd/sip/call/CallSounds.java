package dev.acd.sip.call;

import dev.acd.core.model.LineMenu;
import dev.acd.sip.media.BuiltInSounds;
import dev.acd.sip.media.PcmSource;
import dev.acd.sip.prompt.Announcements;
import dev.acd.sip.prompt.Fragment;
import dev.acd.sip.prompt.FragmentSequence;
import dev.acd.sip.prompt.PromptSet;
import dev.acd.sip.prompt.QueueStanding;
import dev.acd.sip.prompt.QueueStandings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What callers hear from us: music, and spoken prompts joined from {@link Fragment}s. Each method returns a new
 * {@link PcmSource} (a cursor: one per playback) and never blocks: files are loaded beforehand, and the standing of a
 * call comes from an in-memory lookup. {@link #builtIn()} gives the default set; the server replaces parts of it
 * from the configuration's WAV files.
 *
 * @param holdMusic   looping music while queued or held
 * @param prompts     the spoken fragments (the built-in English set, or the configured prompts directory over it)
 * @param menuPrompts line menus' own prompt files by their {@code LineMenu.prompt()} path, loaded at start-up; a
 *                    menu without one (or added by a later reload) hears the built-in menu prompt
 * @param standings   where a waiting call stands in its queue, for the announcement
 */
public record CallSounds(Supplier<PcmSource> holdMusic, PromptSet prompts, Map<String, short[]> menuPrompts,
        QueueStandings standings) {
    public CallSounds {
        Objects.requireNonNull(holdMusic, "holdMusic");
        Objects.requireNonNull(prompts, "prompts");
        menuPrompts = Map.copyOf(menuPrompts);
        Objects.requireNonNull(standings, "standings");
    }

    /** The built-in set: the synthesised hold tune, the built-in English prompts, no standings. */
    public static CallSounds builtIn() {
        return new CallSounds(() -> PcmSource.looping(BuiltInSounds.holdMusic()), PromptSet.builtIn(), Map.of(),
                QueueStandings.UNKNOWN);
    }

    /** These sounds with {@code music} looping while callers wait. */
    public CallSounds withHoldMusic(short[] music) {
        return new CallSounds(() -> PcmSource.looping(music), prompts, menuPrompts, standings);
    }

    /** These sounds with other prompts. */
    public CallSounds withPrompts(PromptSet other) {
        return new CallSounds(holdMusic, other, menuPrompts, standings);
    }

    /** These sounds with line menus' prompt files, by path. */
    public CallSounds withMenuPrompts(Map<String, short[]> files) {
        return new CallSounds(holdMusic, prompts, files, standings);
    }

    /** These sounds announcing positions and waits from {@code lookup}. */
    public CallSounds withStandings(QueueStandings lookup) {
        return new CallSounds(holdMusic, prompts, menuPrompts, lookup);
    }

    /**
     * The periodic announcement for a waiting call: thanks, its position, its expected wait when there is an
     * estimate ({@link Announcements#announcement}). A failing lookup costs only the position, never the call.
     */
    public PcmSource announcement(long callId) {
        QueueStanding standing;
        try {
            standing = standings.standingOf(callId);
        } catch (RuntimeException e) {
            standing = null;
        }
        return play(Announcements.announcement(standing));
    }

    /** Played before we hang up on a caller (max wait, no queue for the menu's choice). */
    public PcmSource goodbye() {
        return play(List.of(Fragment.GOODBYE));
    }

    /** Played when a callback is offered: "press 1 to be called back". */
    public PcmSource callbackPrompt() {
        return play(List.of(Fragment.CALLBACK_OFFER));
    }

    /** Played to a caller who pressed 1 for a callback, before we hang up. */
    public PcmSource callbackConfirmed() {
        return play(List.of(Fragment.CALLBACK_CONFIRMED));
    }

    /** The prompt of a line's menu: its own file, else the built-in "please choose ... press one or two". */
    public PcmSource menuPrompt(LineMenu menu) {
        short[] own = menu.prompt() == null ? null : menuPrompts.get(menu.prompt());
        return own != null ? PcmSource.once(own) : play(Announcements.menu(menu));
    }

    private PcmSource play(List<Fragment> fragments) {
        return FragmentSequence.of(prompts, fragments);
    }
}
