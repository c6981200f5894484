package dev.acd.sip.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.model.LineMenu;
import dev.acd.sip.call.CallSounds;
import dev.acd.sip.media.PcmSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnouncementsTest {
    private final PromptSet prompts = PromptSet.builtIn();

    @Test
    void shouldPlayExactlyTheFragmentsOfThirdInTheQueueWithAboutTwoMinutes() {
        CallSounds sounds = CallSounds.builtIn().withStandings(callId -> callId == 42 ? new QueueStanding(3, 120) : null);

        short[] heard = drain(sounds.announcement(42));

        short[] expected = join(Fragment.THANK_YOU_FOR_HOLDING, Fragment.YOU_ARE_CALLER_NUMBER, Fragment.N3,
                Fragment.IN_THE_QUEUE, Fragment.WAIT_IS_ABOUT, Fragment.N2, Fragment.MINUTES);
        assertArrayEquals(expected, heard, "thank you / you are caller number / three / in the queue / "
                + "your expected wait is about / two / minutes, end to end");
    }

    @Test
    void shouldLeaveOutTheWaitSentenceWhenThereIsNoEstimate() {
        assertEquals(List.of(Fragment.THANK_YOU_FOR_HOLDING, Fragment.YOU_ARE_CALLER_NUMBER, Fragment.N1,
                Fragment.IN_THE_QUEUE), Announcements.announcement(new QueueStanding(1, QueueStanding.NO_ESTIMATE)));
    }

    @Test
    void shouldOnlyThankTheCallerWhenItsStandingIsUnknownOrTheLookupFails() {
        assertArrayEquals(join(Fragment.THANK_YOU_FOR_HOLDING), drain(CallSounds.builtIn().announcement(7)));
        CallSounds failing = CallSounds.builtIn().withStandings(callId -> {
            throw new IllegalStateException("standings not ready");
        });
        assertArrayEquals(join(Fragment.THANK_YOU_FOR_HOLDING), drain(failing.announcement(7)));
    }

    @Test
    void shouldSayLessThanAMinuteOneMinuteAndMoreThanTwentyAtTheEdges() {
        assertEquals(Fragment.WAIT_LESS_THAN_A_MINUTE, last(new QueueStanding(2, 59)));
        assertEquals(List.of(Fragment.WAIT_IS_ABOUT, Fragment.N1, Fragment.MINUTE),
                tail(new QueueStanding(2, 60), 3));
        assertEquals(List.of(Fragment.WAIT_IS_ABOUT, Fragment.N2, Fragment.MINUTES),
                tail(new QueueStanding(2, 90), 3), "rounded to the nearest minute");
        assertEquals(List.of(Fragment.WAIT_IS_ABOUT, Fragment.N20, Fragment.MINUTES),
                tail(new QueueStanding(2, 20 * 60), 3));
        assertEquals(Fragment.WAIT_MORE_THAN_TWENTY_MINUTES, last(new QueueStanding(2, 21 * 60)));
        assertEquals(List.of(Fragment.THANK_YOU_FOR_HOLDING, Fragment.MORE_THAN_TWENTY_AHEAD),
                Announcements.announcement(new QueueStanding(21, QueueStanding.NO_ESTIMATE)));
    }

    @Test
    void shouldListTheMenusKeysInTheBuiltInMenuPrompt() {
        LineMenu menu = new LineMenu(null, 4, "sales", Map.of("2", "renewals", "1", "sales", "#", "operator"));
        assertEquals(List.of(Fragment.MENU_CHOOSE, Fragment.POUND, Fragment.N1, Fragment.OR, Fragment.N2,
                Fragment.MENU_NOW), Announcements.menu(menu), "keys in the menu's key order, 'or' before the last");
        assertArrayEquals(join(Fragment.MENU_CHOOSE, Fragment.N1, Fragment.MENU_NOW),
                drain(CallSounds.builtIn().menuPrompt(new LineMenu(null, 4, "sales", Map.of("1", "sales")))));
    }

    @Test
    void shouldPlayAMenusOwnPromptFileInsteadOfTheBuiltInOne() {
        short[] own = new short[500];
        Arrays.fill(own, (short) 1234);
        CallSounds sounds = CallSounds.builtIn().withMenuPrompts(Map.of("/etc/acd/menu.wav", own));
        assertArrayEquals(own, drain(sounds.menuPrompt(new LineMenu("/etc/acd/menu.wav", 4, "q", Map.of("1", "q")))));
    }

    @Test
    void shouldSpeakEveryBuiltInPromptAtTelephoneLevel() {
        for (Fragment f : Fragment.values()) {
            short[] s = prompts.samples(f);
            assertTrue(s.length >= 1600, f + " lasts at least 0.2 s");
            double sum = 0;
            for (short v : s) {
                sum += (double) v * v;
            }
            double rms = Math.sqrt(sum / s.length);
            assertTrue(rms > 1000 && rms < 20000, f + " is speech at a sensible level, rms " + rms);
        }
    }

    private static Fragment last(QueueStanding standing) {
        List<Fragment> all = Announcements.announcement(standing);
        return all.get(all.size() - 1);
    }

    private static List<Fragment> tail(QueueStanding standing, int n) {
        List<Fragment> all = Announcements.announcement(standing);
        return all.subList(all.size() - n, all.size());
    }

    private short[] join(Fragment... fragments) {
        int n = 0;
        for (Fragment f : fragments) {
            n += prompts.samples(f).length;
        }
        short[] out = new short[n];
        int at = 0;
        for (Fragment f : fragments) {
            short[] s = prompts.samples(f);
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        return out;
    }

    /** Reads a source 20 ms at a time, as the player does, so frames span the joins. */
    static short[] drain(PcmSource source) {
        short[] frame = new short[160];
        short[] out = new short[0];
        int n;
        while ((n = source.read(frame)) > 0) {
            out = Arrays.copyOf(out, out.length + n);
            System.arraycopy(frame, 0, out, out.length - n, n);
        }
        return out;
    }
}
