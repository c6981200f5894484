package dev.acd.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4): {@code # HELP} and {@code # TYPE}
 * lines, and samples {@code name{label="value",...} value}. Any other line fails the parse, naming the line.
 */
final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? ([-+]?(?:[0-9.eE+-]+|NaN|Inf))( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
            + "(counter|gauge|histogram|summary|untyped)");

    /** The families' types by name, and every sample by name and labels. */
    final Map<String, String> types = new HashMap<>();
    final Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isEmpty() || line.startsWith("# HELP ")) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                parsed.types.put(type.group(1), type.group(2));
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + number + " is not Prometheus text format: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                if (end != sample.group(3).length()) {
                    throw new IllegalArgumentException("line " + number + " has malformed labels: " + line);
                }
            }
            String value = sample.group(4);
            double sampleValue = value.equals("NaN") ? Double.NaN : value.endsWith("Inf")
                    ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.parseDouble(value);
            parsed.samples.computeIfAbsent(sample.group(1), k -> new HashMap<>()).put(labels, sampleValue);
        }
        return parsed;
    }

    /** The value of one sample, or NaN when absent. */
    double value(String name, Map<String, String> labels) {
        Map<Map<String, String>, Double> family = samples.get(name);
        if (family == null) {
            return Double.NaN;
        }
        return family.entrySet().stream().filter(e -> e.getKey().entrySet().containsAll(labels.entrySet()))
                .map(Map.Entry::getValue).findFirst().orElse(Double.NaN);
    }

    /** The sum of a family's samples over all their labels, or NaN when the family is absent. */
    double sum(String name) {
        Map<Map<String, String>, Double> family = samples.get(name);
        return family == null ? Double.NaN : family.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
