package dev.acd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigException;
import dev.acd.config.ConfigLoader;
import dev.acd.config.ConfigProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acd check-config FILE}: every problem of a configuration, or a summary of what it holds. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Checks a configuration file and prints every problem as file:line:column: path: message. "
                + "Exit code 1 when there are problems.")
final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "the YAML configuration to check")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ConfigProblem> problems = ConfigLoader.check(file);
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            ConfigLoader.render(problems).forEach(err::println);
            err.printf("%d problem%s in %s%n", problems.size(), problems.size() == 1 ? "" : "s", file);
            err.flush();
            return 1;
        }
        try {
            AcdConfig config = ConfigLoader.load(file);
            out.printf("%s is valid: %d lines, %d queues, %d segments, %d skills, %d reps, %d customers%n", file,
                    config.model().lines().size(), config.model().queues().size(), config.model().segments().size(),
                    config.model().skills().size(), config.model().reps().size(), config.customers().size());
            out.flush();
            return 0;
        } catch (ConfigException e) {
            throw new IllegalStateException("check found no problem but loading failed: " + e.getMessage(), e);
        }
    }
}
