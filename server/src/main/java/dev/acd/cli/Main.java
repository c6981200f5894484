package dev.acd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code acd} launcher. */
@Command(name = "acd", mixinStandardHelpOptions = true, version = "acd 0.1.0",
        description = "Contact-center call distribution: routing, journal, statistics.",
        subcommands = {RunCommand.class, DemoCommand.class, SimulateCommand.class, CheckConfigCommand.class, StatsCommand.class, ExplainCommand.class,
                HashPasswordCommand.class,
                QaCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        // Chronicle Queue would otherwise phone home and print a banner from a packaged application.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error handling, for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            cmd.getErr().println("error: " + failure.getMessage());
            return 2;
        });
        return commandLine;
    }
}
