package dev.acd.config;

import java.nio.file.Path;
import java.util.List;

import dev.acd.config.internal.ConfigReader;
import dev.acd.config.internal.Source;

/**
 * Loads the center's configuration: a YAML file (plus the customers CSV it names, relative to it), or the embedded
 * default. A load either returns a complete, validated {@link AcdConfig} or throws a {@link ConfigException} with
 * every problem found; it never returns half a configuration. Thread-safe: it keeps no state.
 */
public final class ConfigLoader {
    /** Classpath location of the embedded default configuration. */
    public static final String DEFAULT_RESOURCE = "dev/acd/config/default/acd.yaml";

    private ConfigLoader() {
    }

    /** Loads and validates a YAML configuration file. */
    public static AcdConfig load(Path yaml) throws ConfigException {
        return ConfigReader.read(Source.file(yaml));
    }

    /** Loads the embedded default configuration (a demo B2B software company). */
    public static AcdConfig loadDefault() throws ConfigException {
        return ConfigReader.read(Source.classpath(DEFAULT_RESOURCE));
    }

    /** Every problem of a configuration file, sorted by file and position; empty when it loads. */
    public static List<ConfigProblem> check(Path yaml) {
        try {
            load(yaml);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    /** The problems as {@code file:line:column: path: message} lines, as {@code acd check-config} prints them. */
    public static List<String> render(List<ConfigProblem> problems) {
        return ConfigProblem.render(problems);
    }
}
