package dev.acd.sip.prompt;

import java.util.Locale;

/**
 * One piece of a spoken prompt, stored as {@code <fileName>.wav}. Fragments end in their own pause, so joining them
 * end to end speaks a sentence. English only for now: the order in which {@link Announcements} joins them is
 * English word order.
 */
public enum Fragment {
    THANK_YOU_FOR_HOLDING, YOU_ARE_CALLER_NUMBER, IN_THE_QUEUE, MORE_THAN_TWENTY_AHEAD,
    WAIT_IS_ABOUT, WAIT_LESS_THAN_A_MINUTE, WAIT_MORE_THAN_TWENTY_MINUTES, MINUTE, MINUTES,
    N0, N1, N2, N3, N4, N5, N6, N7, N8, N9, N10, N11, N12, N13, N14, N15, N16, N17, N18, N19, N20,
    STAR, POUND, OR, MENU_CHOOSE, MENU_NOW,
    CALLBACK_OFFER, CALLBACK_CONFIRMED, GOODBYE;

    /** The largest number the set speaks; positions and minutes above it are said as "more than twenty". */
    public static final int MAX_NUMBER = 20;

    /** The file this fragment is stored in, e.g. {@code thank_you_for_holding.wav}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".wav";
    }

    /** The fragment stored as {@code fileName}, or null when there is none. */
    public static Fragment ofFileName(String fileName) {
        for (Fragment f : values()) {
            if (f.fileName().equals(fileName)) {
                return f;
            }
        }
        return null;
    }

    /** The spoken number {@code n}, 0 to {@link #MAX_NUMBER}. */
    public static Fragment number(int n) {
        if (n < 0 || n > MAX_NUMBER) {
            throw new IllegalArgumentException("the prompts speak numbers 0-" + MAX_NUMBER + ", not " + n);
        }
        return values()[N0.ordinal() + n];
    }

    /** The spoken name of a phone key ({@code 0-9}, {@code *}, {@code #}). */
    public static Fragment key(char key) {
        if (key >= '0' && key <= '9') {
            return number(key - '0');
        }
        if (key == '*') {
            return STAR;
        }
        if (key == '#') {
            return POUND;
        }
        throw new IllegalArgumentException("not a phone key: '" + key + "'");
    }
}
