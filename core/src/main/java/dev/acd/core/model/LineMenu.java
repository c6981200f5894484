package dev.acd.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line's DTMF menu: the caller hears the prompt and presses a key (RFC 4733) that picks the queue; no key within
 * the timeout, or a wrong key twice, sends the call to the default queue.
 *
 * @param prompt         the prompt's WAV path, or null for the built-in prompt
 * @param timeoutSeconds how long the caller has to press a key after the prompt starts
 * @param defaultQueue   the queue of a caller who presses nothing usable
 * @param options        key ({@code 0-9}, {@code *}, {@code #}) to queue id, sorted by key
 */
public record LineMenu(String prompt, int timeoutSeconds, String defaultQueue, Map<String, String> options) {
    /** The keys a menu may use. */
    public static final String KEYS = "0123456789*#";

    public LineMenu {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The queue for {@code key}, or null when the menu has no such option. */
    public String queueFor(char key) {
        return options.get(String.valueOf(key));
    }
}
