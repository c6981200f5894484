package dev.acd.sip.prompt;

import dev.acd.core.model.LineMenu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sentences callers hear, as lists of {@link Fragment}s in English word order. Pure functions; {@link PromptSet}
 * and {@link FragmentSequence} turn a list into sound.
 */
public final class Announcements {
    private static final long SECONDS_PER_MINUTE = 60;

    private Announcements() {
    }

    /**
     * The periodic announcement: "Thank you for holding. You are caller number three in the queue. Your expected
     * wait is about two minutes." Without a standing only the thanks; without an estimate no wait sentence. Above
     * twenty callers or minutes it says "more than twenty"; under a minute "less than a minute"; otherwise the
     * minutes rounded to the nearest (at least one).
     */
    public static List<Fragment> announcement(QueueStanding standing) {
        List<Fragment> out = new ArrayList<>();
        out.add(Fragment.THANK_YOU_FOR_HOLDING);
        if (standing == null) {
            return out;
        }
        if (standing.position() > Fragment.MAX_NUMBER) {
            out.add(Fragment.MORE_THAN_TWENTY_AHEAD);
        } else {
            out.add(Fragment.YOU_ARE_CALLER_NUMBER);
            out.add(Fragment.number(standing.position()));
            out.add(Fragment.IN_THE_QUEUE);
        }
        if (!standing.hasEstimate()) {
            return out;
        }
        long seconds = standing.expectedWaitSeconds();
        if (seconds < SECONDS_PER_MINUTE) {
            out.add(Fragment.WAIT_LESS_THAN_A_MINUTE);
            return out;
        }
        long minutes = Math.max(1, (seconds + SECONDS_PER_MINUTE / 2) / SECONDS_PER_MINUTE);
        if (minutes > Fragment.MAX_NUMBER) {
            out.add(Fragment.WAIT_MORE_THAN_TWENTY_MINUTES);
        } else {
            out.add(Fragment.WAIT_IS_ABOUT);
            out.add(Fragment.number((int) minutes));
            out.add(minutes == 1 ? Fragment.MINUTE : Fragment.MINUTES);
        }
        return out;
    }

    /**
     * The built-in menu prompt, for a line menu without its own file: "Please choose an option. Press one, two, or
     * three now." (the menu's keys in key order; it cannot say what each key is for, a menu's own prompt file can).
     */
    public static List<Fragment> menu(LineMenu menu) {
        List<Fragment> out = new ArrayList<>();
        out.add(Fragment.MENU_CHOOSE);
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, String> option : menu.options().entrySet()) {
            keys.add(option.getKey());
        }
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0 && i == keys.size() - 1) {
                out.add(Fragment.OR);
            }
            out.add(Fragment.key(keys.get(i).charAt(0)));
        }
        out.add(Fragment.MENU_NOW);
        return out;
    }
}
