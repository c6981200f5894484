package dev.acd.cli;

import java.nio.file.Path;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigException;
import dev.acd.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by commands; the embedded default configuration when absent. */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "configuration file (YAML); the embedded demo configuration when absent")
    Path file;

    AcdConfig load() {
        try {
            return file == null ? ConfigLoader.loadDefault() : ConfigLoader.load(file);
        } catch (ConfigException problems) {
            throw new IllegalArgumentException("configuration has problems:\n" + problems.getMessage(), problems);
        }
    }
}
