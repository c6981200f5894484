package dev.acd.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.acd.config.Setting;

/** One data row of a customers CSV file, read like a YAML mapping; columns are the keys of {@code customers.inline[]}. */
final class CsvRow implements Fields {
    private final Problems problems;
    private final Map<String, String> values;
    private final Map<String, Where> places;
    private final Where start;

    CsvRow(Problems problems, Map<String, String> values, Map<String, Where> places, Where start) {
        this.problems = problems;
        this.values = values;
        this.places = places;
        this.start = start;
    }

    @Override
    public String text(Setting setting) {
        String value = values.get(setting.key());
        if (value == null || value.isBlank()) {
            if (setting.required()) {
                problems.add(at(setting), "missing required value for column '" + setting.key() + "' (expected "
                        + setting.expectation() + ")");
            }
            return null;
        }
        return value.trim();
    }

    @Override
    public String id(Setting setting) {
        String text = text(setting);
        if (text != null && !YamlMap.ID.matcher(text).matches()) {
            problems.add(at(setting), "expected " + setting.expectation() + ", got '" + text + "'");
            return null;
        }
        return text;
    }

    @Override
    public long wholeLong(Setting setting) {
        String text = text(setting);
        Number fallback = (Number) setting.defaultValue();
        long orElse = fallback == null ? 0 : fallback.longValue();
        if (text == null) {
            return orElse;
        }
        try {
            long parsed = Long.parseLong(text.replace("_", ""));
            if (setting.min() != null && parsed < setting.min() || setting.max() != null && parsed > setting.max()) {
                problems.add(at(setting), "expected " + setting.expectation() + ", got " + parsed);
                return orElse;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(at(setting), "expected " + setting.expectation() + ", got '" + text + "'");
            return orElse;
        }
    }

    /** A list column: values separated by ';'. */
    @Override
    public List<YamlMap.Text> texts(Setting setting) {
        String text = text(setting);
        List<YamlMap.Text> texts = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(";")) {
                if (!part.isBlank()) {
                    texts.add(new YamlMap.Text(part.trim(), at(setting)));
                }
            }
        }
        return texts;
    }

    @Override
    public Where at(Setting setting) {
        Where where = places.get(setting.key());
        return where != null ? where : start.withPath(start.path() + "." + setting.key());
    }

    @Override
    public Where self() {
        return start;
    }
}
