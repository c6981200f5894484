package dev.acd.sip.prompt;

import dev.acd.core.audio.PromptWav;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every {@link Fragment}'s samples, 8 kHz PCM16, in memory because every waiting caller plays them. The built-in
 * English set is read once from the classpath ({@code dev/acd/sip/prompt/en/}, made with espeak-ng by
 * {@code sip-gateway/src/main/prompts/make-prompts.sh}); a configured prompts directory replaces some or all of it.
 * Immutable and thread-safe; the arrays are shared, do not change them.
 */
public final class PromptSet {
    private static final String BUILT_IN_FOLDER = "/dev/acd/sip/prompt/en/";

    private final Map<Fragment, short[]> samples;

    private PromptSet(Map<Fragment, short[]> samples) {
        this.samples = samples;
    }

    /** The built-in English set. */
    public static PromptSet builtIn() {
        return BuiltIn.SET;
    }

    /** Read at first use, not per call: a missing resource is a broken build, so it fails loudly. */
    private static final class BuiltIn {
        static final PromptSet SET = load();

        private static PromptSet load() {
            Map<Fragment, short[]> all = new EnumMap<>(Fragment.class);
            for (Fragment f : Fragment.values()) {
                String resource = BUILT_IN_FOLDER + f.fileName();
                try (InputStream in = PromptSet.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("built-in prompt " + resource + " is missing from the build");
                    }
                    all.put(f, PromptWav.read(in, "classpath:" + resource));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new PromptSet(all);
        }
    }

    /** This set with {@code replacements} instead of the fragments they name. */
    public PromptSet with(Map<Fragment, short[]> replacements) {
        Map<Fragment, short[]> all = new EnumMap<>(samples);
        replacements.forEach((f, s) -> {
            if (s.length == 0) {
                throw new IllegalArgumentException("prompt " + f.fileName() + " holds no audio");
            }
            all.put(Objects.requireNonNull(f), s);
        });
        return new PromptSet(all);
    }

    /** The samples of {@code fragment}. */
    public short[] samples(Fragment fragment) {
        return samples.get(fragment);
    }
}
