package dev.acd.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with a configuration, and where.
 *
 * @param file    the file it is in (a path, or "classpath:..." for the embedded default)
 * @param line    1-based line, 0 when the problem is about the file as a whole
 * @param column  1-based column, 0 when unknown
 * @param path    the key path, e.g. {@code queues[2].tiers[0].afterSeconds}; "" for the document itself
 * @param message what was expected and what was found
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    /** One line of text: {@code file:line:column: path: message}. */
    public String render() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }

    /** Every problem rendered, one per line, in the given order. */
    public static List<String> render(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::render).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return render();
    }
}
