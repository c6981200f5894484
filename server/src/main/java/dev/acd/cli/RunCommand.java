package dev.acd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.acd.config.AcdConfig;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.ConfigReload;
import dev.acd.runtime.Services;
import picocli.CommandLine.Command;
import sun.misc.Signal;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acd run}: the server for real, on a configuration, until it is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the server: rebuilds the router from the journal (closing calls a crash left open), "
                + "then routes until stopped with Ctrl-C or SIGTERM.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption config = new ConfigOption();
    @Option(names = "--journal", paramLabel = "DIR",
            description = "journal directory (default: the configuration's journal directory)")
    Path journalDir;

    @Override
    public Integer call() throws InterruptedException {
        AcdConfig acd = config.load();
        JournalSettings journal = journalDir == null ? acd.journal()
                : new JournalSettings(journalDir, acd.journal().retentionDays());
        CountDownLatch stopped = new CountDownLatch(1);
        AcdServer server = AcdServer.start(acd, journal, Clock.SYSTEM, AcdServer.pipelineSettings(acd));
        List<String> services;
        try {
            services = Services.startAll(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        ConfigReload reload = ConfigReload.of(server);
        reloadOnHangUp(reload);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "acd-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        AcdServer.StartReport report = server.startReport();
        out.printf("acd running on %s%n", acd.source());
        out.printf("  journal    %s (%,d events replayed, %d live calls closed as lost)%n", journal.dir(),
                report.eventsReplayed(), report.callsClosedAsLost());
        out.printf("  routing    %d reps, %d queues, %d lines; configuration version %d%s%n",
                acd.model().reps().size(), acd.model().queues().size(), acd.model().lines().size(),
                report.configVersion(), report.newConfiguration() ? " (new)" : "");
        services.forEach(line -> out.println("  " + line));
        out.printf("Reload the configuration with: kill -HUP %d%n", ProcessHandle.current().pid());
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** SIGHUP re-reads the configuration, as daemons do; the outcome goes to the log. */
    private static void reloadOnHangUp(ConfigReload reload) {
        try {
            Signal.handle(new Signal("HUP"), signal -> new Thread(reload::reload, "config-reload").start());
        } catch (IllegalArgumentException unsupported) {
            // No SIGHUP on this platform: the API's reload remains.
        }
    }
}
