package dev.acd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs an acd command in the test's JVM as a user would type it: arguments in, exit code and printed text out. */
final class AcdCli {
    record Run(int exitCode, String out, String err) {
    }

    private AcdCli() {
    }

    static Run acd(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
