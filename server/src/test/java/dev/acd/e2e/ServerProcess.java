package dev.acd.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code acd run} in a JVM of its own ({@code dev.acd.cli.Main run --config FILE --journal DIR}), on this test's
 * class path and with the JVM flags Chronicle Queue needs (taken from this JVM's arguments, which surefire set from
 * the parent pom's {@code chronicle.jvm.args}), so a test can kill it with -9 as a crash would. Its output goes to a
 * file. {@link #close()} kills it if it is still running.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server and waits until it says it runs ("Stop with Ctrl-C."). */
    static ServerProcess start(Path config, Path journal, Path log, Duration limit) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-exports") || arg.startsWith("--add-opens") || arg.startsWith("--enable-native")
                    || arg.startsWith("--sun-misc") || arg.startsWith("-Dchronicle")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.acd.cli.Main", "run", "--config", config.toString(), "--journal", journal.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(process, log);
        try {
            await().atMost(limit).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("acd run exited with " + process.exitValue() + ":\n"
                            + server.output());
                }
                return server.output().contains("Stop with Ctrl-C.");
            });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: no shutdown hook, no journal close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("acd run did not die on kill -9");
        }
    }

    /** SIGTERM: the shutdown hook closes the server. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
