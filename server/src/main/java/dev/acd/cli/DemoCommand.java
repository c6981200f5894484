package dev.acd.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.acd.api.ApiServer;
import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.config.SoftphoneCredential;
import dev.acd.core.event.RepReachable;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.time.Clock;
import dev.acd.demo.CallLog;
import dev.acd.demo.DemoCustomers;
import dev.acd.demo.DemoReps;
import dev.acd.demo.JournalPickup;
import dev.acd.demo.Pace;
import dev.acd.demo.PublishingDesk;
import dev.acd.demo.RepAccount;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.Services;
import dev.acd.sipserver.SipService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code acd demo}: the server on the embedded default configuration, plus simulated customers calling through a
 * loopback trunk and simulated reps on softphones, all speaking SIP and RTP over loopback; prints each call's steps
 * and a statistics summary every minute from the journal, and how to join with a real softphone.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the server on the embedded demo configuration with simulated customers and reps calling "
                + "over SIP and RTP on loopback; prints calls as they happen and statistics every minute. "
                + "Stop with Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
    /** RTP ports of the simulated reps and customers, away from the server's (20000-29999 by default). */
    static final int REPS_RTP_FIRST = 40_000;
    static final int REPS_RTP_LAST = 41_999;
    static final int CUSTOMERS_RTP_FIRST = 42_000;
    static final int CUSTOMERS_RTP_LAST = 43_999;

    @Spec
    CommandSpec spec;
    @Option(names = "--speed", paramLabel = "X", defaultValue = "10",
            description = "time compression: talk, wrap-up, patience and answer delays pass X times faster and calls "
                    + "arrive X times as often (default: ${DEFAULT-VALUE})")
    double speed;
    @Option(names = "--sip-port", paramLabel = "P", defaultValue = "5060",
            description = "SIP port, UDP and TCP (default: ${DEFAULT-VALUE})")
    int sipPort;
    @Option(names = "--http-port", paramLabel = "P", defaultValue = "8080",
            description = "web API and pages port (default: ${DEFAULT-VALUE})")
    int httpPort;
    @Option(names = "--journal", paramLabel = "DIR", defaultValue = "data/demo-journal",
            description = "journal directory (default: ${DEFAULT-VALUE}, apart from acd run's)")
    Path journalDir;
    @Option(names = "--join-as", paramLabel = "USER", defaultValue = "ava.chen",
            description = "softphone user left out of the simulation for you to register with baresip; "
                    + "'none' simulates every rep (default: ${DEFAULT-VALUE})")
    String joinAs;
    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE})")
    long durationSeconds;
    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: the configuration's)")
    Long seed;

    /** Where the server's SIP and HTTP services listen; null for a service this build does not start yet. */
    record Listening(InetSocketAddress sip, InetSocketAddress http, List<String> lines) {
    }

    @Override
    public Integer call() throws Exception {
        AcdConfig demo = ConfigLoader.loadDefault();
        AcdConfig config = demo.withSip(demo.sip().listeningOn(demo.sip().bind(), sipPort))
                .withHttp(demo.http().listeningOn(demo.http().bind(), httpPort));
        Pace pace = new Pace(speed);
        String human = "none".equals(joinAs) ? null : joinAs;
        if (human != null && config.credentials().forUser(human).isEmpty()) {
            throw new IllegalArgumentException("--join-as " + joinAs + ": no softphone user of that name in the demo "
                    + "configuration");
        }
        long randomSeed = seed != null ? seed : config.simulation().seed();
        PrintWriter out = spec.commandLine().getOut();
        JournalSettings journal = new JournalSettings(journalDir, config.journal().retentionDays());
        AcdServer server = AcdServer.start(config, journal, Clock.SYSTEM, AcdServer.pipelineSettings(config));
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Listening listening = startServices(server);
            PublishingDesk desk = new PublishingDesk(server.events(), Clock.SYSTEM);
            JournalPickup pickup = new JournalPickup();
            CallLog log = new CallLog(server.journal(), out, config.zone());
            log.onEvent(pickup::onEvent);
            String humanRep = human == null ? null : config.credentials().forUser(human).get().repId();
            // the rep a real softphone registers for logs in as the simulated ones do, through the desk
            log.onEvent(event -> {
                if (event instanceof RepReachable reachable && reachable.repId().equals(humanRep)) {
                    desk.loggedIn(humanRep);
                }
            });
            running.add(log);

            out.printf("acd demo: %s, speed x%s, journal %s%n", config.source(), trim(speed), journal.dir());
            listening.lines().forEach(line -> out.println("  " + line));
            if (listening.sip() == null) {
                out.println("  SIP        call control is not wired into the server yet in this build: the simulated "
                        + "reps and customers need it, so they are not started. The router, journal and ticks run; "
                        + "`acd simulate` shows routing and statistics meanwhile.");
            } else {
                InetSocketAddress sip = listening.sip();
                DemoReps reps = DemoReps.start(new DemoReps.Settings(loopbackOf(sip), config.credentials().realm(),
                        config.simulation(), pace, randomSeed, REPS_RTP_FIRST, REPS_RTP_LAST),
                        accounts(config, human), desk);
                running.add(0, reps);
                DemoCustomers customers = DemoCustomers.start(new DemoCustomers.Settings(loopbackOf(sip),
                        config.simulation(), pace, randomSeed + 1, CUSTOMERS_RTP_FIRST, CUSTOMERS_RTP_LAST),
                        config.model().lines(), directoryNumbers(config), pickup);
                running.add(0, customers);
                out.printf("  population %d simulated reps registering from %s, customers calling "
                        + "from %s%n", accounts(config, human).size(), reps.sipAddress(),
                        customers.sipAddress());
                if (human != null) {
                    printBaresip(out, config, human, sip);
                }
            }
            if (listening.http() != null) {
                out.printf("  web        http://%s:%d/ (supervisor / demo-supervisor)%n",
                        listening.http().getHostString(), listening.http().getPort());
            }
            out.println(durationSeconds > 0 ? "Running for " + durationSeconds + " s." : "Stop with Ctrl-C.");
            out.flush();
            log.start(60_000);
        } catch (RuntimeException e) {
            closeAll(running, server);
            throw e;
        }
        Thread hook = new Thread(() -> {
            closeAll(running, server);
            stopped.countDown();
        }, "acd-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (durationSeconds > 0) {
            if (!stopped.await(durationSeconds, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                closeAll(running, server);
            }
        } else {
            stopped.await();
        }
        return 0;
    }

    /** Starts the configured services (SIP and HTTP on the demo's ports) and says where SIP and HTTP listen. */
    static Listening startServices(AcdServer server) {
        List<String> lines = Services.startAll(server);
        InetSocketAddress sip = server.service(SipService.class).map(SipService::udpAddress).orElse(null);
        InetSocketAddress http = server.service(ApiServer.class)
                .map(api -> new InetSocketAddress("localhost", api.port())).orElse(null);
        return new Listening(sip, http, lines);
    }

    private static void closeAll(List<AutoCloseable> running, AcdServer server) {
        synchronized (running) {
            for (AutoCloseable part : running) {
                try {
                    part.close();
                } catch (Exception e) {
                    // closing the rest matters more
                }
            }
            running.clear();
        }
        server.close();
    }

    /** The inside reps with softphone credentials, less the one left for a real softphone. */
    static List<RepAccount> accounts(AcdConfig config, String human) {
        List<RepAccount> accounts = new ArrayList<>();
        for (SoftphoneCredential credential : config.credentials().softphones()) {
            Rep rep = config.model().rep(credential.repId()).orElse(null);
            if (rep != null && rep.kind() == RepKind.INSIDE && !credential.user().equals(human)) {
                accounts.add(new RepAccount(credential.user(), "demo-" + credential.user(), rep.id()));
            }
        }
        return accounts;
    }

    private static List<String> directoryNumbers(AcdConfig config) {
        return config.customers().customers().stream().filter(c -> !c.numbers().isEmpty())
                .map(c -> c.numbers().get(0)).sorted().toList();
    }

    /** The server listens on a wildcard address: the population, on this host, reaches it on loopback. */
    private static InetSocketAddress loopbackOf(InetSocketAddress address) {
        return address.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()) : address;
    }

    private static void printBaresip(PrintWriter out, AcdConfig config, String user, InetSocketAddress sip) {
        InetSocketAddress target = loopbackOf(sip);
        out.printf("Join as %s with baresip: put this line in ~/.baresip/accounts, run baresip, and answer with 'a':%n",
                user);
        out.printf("  <sip:%s@%s>;auth_pass=demo-%s;outbound=\"sip:%s:%d\";regint=300%n", user,
                config.credentials().realm(), user, target.getAddress().getHostAddress(), target.getPort());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
