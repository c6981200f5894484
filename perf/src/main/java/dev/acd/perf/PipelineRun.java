package dev.acd.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import dev.acd.core.command.Command;
import dev.acd.core.command.CommandSubscriber;
import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.router.RoutingEngine;
import dev.acd.router.pipeline.JournalWriter;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.router.pipeline.RouterPipeline;

/**
 * One run of the whole router pipeline over the steady part of a script: an engine brought to the steady state,
 * a real {@link Journal} in a fresh temp dir as its journal writer, and a command subscriber. Counts what the
 * journal thread appended and sent, and checks the totals against the recording when closed.
 *
 * <p>The counters are plain fields of the journal thread, made visible once per batch, so counting costs the
 * pipeline next to nothing.
 */
final class PipelineRun implements AutoCloseable {
    final SteadyStateScript script;
    final Path dir;
    final Journal journal;
    final RoutingEngine engine;
    final RouterPipeline pipeline;
    private final CommandSubscriber commands;
    private long appendedPlain;
    private long commandsPlain;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong commandsSeen = new AtomicLong();

    /** {@code onCommand} may be null; it runs on the journal thread with the command's ordinal in the run. */
    PipelineRun(SteadyStateScript script, String waitStrategy, CommandListener onCommand) {
        this.script = script;
        try {
            dir = Files.createTempDirectory("router-pipeline-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        journal = Journal.open(new JournalSettings(dir, JournalSettings.KEEP_FOREVER));
        engine = script.warmedUpEngine();
        JournalWriter writer = new JournalWriter() {
            @Override
            public void append(Event event) {
                journal.append(event);
                appendedPlain++;
            }

            @Override
            public void endOfBatch() {
                commandsSeen.lazySet(commandsPlain);
                appended.lazySet(appendedPlain);
            }
        };
        commands = command -> {
            if (onCommand != null) {
                onCommand.onCommand(commandsPlain, command);
            }
            commandsPlain++;
        };
        pipeline = new RouterPipeline(engine, writer, commands, new PipelineSettings(65_536, waitStrategy));
    }

    /** Called on the journal thread for each command, with its ordinal among this run's commands. */
    @FunctionalInterface
    interface CommandListener {
        void onCommand(long ordinal, Command command);
    }

    /** Waits (parking, so as not to take a core from the pipeline) until everything published is journaled. */
    void awaitJournaled() {
        while (appended.get() < script.steadyJournaled) {
            LockSupport.parkNanos(20_000);
        }
    }

    /** Stops the pipeline, closes and deletes the journal, and checks the run against the recording. */
    @Override
    public void close() {
        pipeline.close();
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pipeline.failures() != 0) {
            throw new IllegalStateException(pipeline.failures() + " events failed in the pipeline");
        }
        if (appended.get() != script.steadyJournaled || commandsSeen.get() != script.steadyCommands
                || engine.ignoredEvents() != script.ignoredAfterSteady) {
            throw new IllegalStateException("pipeline run journaled " + appended.get() + " entries, sent "
                    + commandsSeen.get() + " commands, ignored " + engine.ignoredEvents() + " events in all; the "
                    + "recording has " + script.steadyJournaled + ", " + script.steadyCommands + ", "
                    + script.ignoredAfterSteady);
        }
    }
}
