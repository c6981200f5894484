package dev.acd.config;

import java.util.List;

/** A configuration could not be loaded; it carries every problem found, not just the first. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, sorted by file and position. Never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String summary(List<ConfigProblem> problems) {
        String head = problems.size() == 1 ? "1 configuration problem" : problems.size() + " configuration problems";
        return head + ":\n" + String.join("\n", ConfigProblem.render(problems));
    }
}
