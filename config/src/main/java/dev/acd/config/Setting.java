package dev.acd.config;

import java.util.List;

/**
 * One configuration key: where it lives, its type, default and unit. Declared once in {@link Settings};
 * the parser reads through these and the configuration reference is generated from them.
 *
 * @param section      where the key lives, e.g. {@code "queues[]"} or {@code "queues[].tiers[]"}; {@code ""} is the top level
 * @param key          the YAML key (camelCase)
 * @param type         what kind of value it takes
 * @param defaultValue the value used when the key is absent, or null when there is none
 * @param unit         the unit of the value ("seconds", "percent", ...), or "" when it has none
 * @param min          lowest allowed value for numbers, or null
 * @param max          highest allowed value for numbers, or null
 * @param required     whether leaving the key out is an error
 * @param choices      allowed values of a {@link Type#CHOICE}, empty for other types
 * @param description  what the setting does, one or two sentences
 */
public record Setting(String section, String key, Type type, Object defaultValue, String unit, Double min, Double max,
                      boolean required, List<String> choices, String description) {

    /** The kinds of value a setting takes. */
    public enum Type {
        TEXT("text"),
        ID("id (letters, digits, '-', '_', '.')"),
        WHOLE("whole number"),
        DECIMAL("number"),
        BOOLEAN("true/false"),
        TIME("time HH:MM"),
        ZONE("time zone (IANA, e.g. Europe/Berlin)"),
        CHOICE("one of"),
        LIST("list"),
        MAP("map"),
        SECTION("section");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** How the reference names this type. */
        public String label() {
            return label;
        }
    }

    public Setting {
        choices = List.copyOf(choices);
    }

    /** The dotted name of the key, e.g. {@code queues[].wrapUpSeconds}. */
    public String fullName() {
        return section.isEmpty() ? key : section + "." + key;
    }

    /** What a valid value looks like, for error messages: "a whole number of seconds >= 0". */
    public String expectation() {
        String range = range();
        switch (type) {
            case WHOLE:
            case DECIMAL:
                if (unit.equals("percent")) {
                    return "a percent" + range;
                }
                if (unit.equals("probability")) {
                    return "a probability" + range;
                }
                String noun = type == Type.WHOLE ? "a whole number" : "a number";
                return noun + (unit.isEmpty() ? "" : " of " + unit) + range;
            case BOOLEAN:
                return "true or false";
            case TIME:
                return "a time of day as HH:MM";
            case ZONE:
                return "a time zone such as Europe/Berlin";
            case CHOICE:
                return "one of " + String.join(", ", choices);
            case ID:
                return "an id of letters, digits, '-', '_' or '.'";
            case LIST:
                return "a list";
            case MAP:
            case SECTION:
                return "a mapping of keys to values";
            default:
                return "text";
        }
    }

    private String range() {
        if (min != null && max != null) {
            return " from " + number(min) + " to " + number(max);
        }
        if (min != null) {
            return " >= " + number(min);
        }
        if (max != null) {
            return " <= " + number(max);
        }
        return "";
    }

    /** A number as messages and the reference write it: "30" rather than "30.0". */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
