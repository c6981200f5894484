package dev.acd.sip.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which numbers reps may dial out to: rules {@code "allow <regex>"} or {@code "deny <regex>"}, tried in order against
 * the dialled number as written (e.g. {@code +15550100}); the first whose pattern is found in the number decides.
 * A number no rule matches is refused. Immutable and thread-safe.
 */
public final class DialRules {
    /** One rule; {@code text} is as configured, for messages. */
    private record Rule(int position, boolean allow, Pattern pattern, String text) {
    }

    private final List<Rule> rules;

    private DialRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** Every number allowed. */
    public static DialRules allowAll() {
        return of(List.of("allow .*"));
    }

    /**
     * Parses the rules.
     *
     * @throws IllegalArgumentException naming the rule and its position when it is neither allow nor deny, or its
     *                                  pattern does not compile
     */
    public static DialRules of(List<String> rules) {
        List<Rule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String text = rules.get(i) == null ? "" : rules.get(i).strip();
            String where = "dial rule " + (i + 1) + " '" + text + "'";
            int space = text.indexOf(' ');
            String verb = space < 0 ? text : text.substring(0, space);
            if (!verb.equals("allow") && !verb.equals("deny")) {
                throw new IllegalArgumentException(where + ": must start with 'allow' or 'deny' and a pattern");
            }
            String regex = space < 0 ? "" : text.substring(space + 1).strip();
            if (regex.isEmpty()) {
                throw new IllegalArgumentException(where + ": no pattern after '" + verb + "'");
            }
            try {
                parsed.add(new Rule(i + 1, verb.equals("allow"), Pattern.compile(regex), text));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": bad pattern: " + e.getDescription(), e);
            }
        }
        return new DialRules(List.copyOf(parsed));
    }

    /** Empty when {@code number} may be dialled, else why not, naming the rule (for a 403 reason phrase). */
    public Optional<String> refusal(String number) {
        for (Rule rule : rules) {
            if (rule.pattern.matcher(number).find()) {
                return rule.allow ? Optional.empty()
                        : Optional.of("dial rule " + rule.position + " '" + rule.text + "' refuses " + number);
            }
        }
        return Optional.of("no dial rule allows " + number);
    }
}
