package dev.acd.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.MenuChosen;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.stats.StatsProjection;
import dev.acd.core.time.Clock;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.Services;
import dev.acd.sipserver.SipService;

/**
 * The real server for end-to-end tests: a small configuration of its own (the sales line and queue for two inside
 * reps of its home team; a support queue open to any skilled inside rep, so the only one that reaches cara of the
 * overflow desk; a menu line whose key 2 picks support; softphone credentials, short ring and wrap-up times, the
 * trunk on 127.0.0.1), SIP on 127.0.0.1 port 0, HTTP off, a journal in a temporary directory, started through
 * {@link Services#startAll} as {@code acd run} does.
 */
final class E2eServer implements AutoCloseable {
    static final String REALM = "larkspur.example";
    static final String SALES_NUMBER = "+12125550100";
    static final String AVA = "ava.chen";
    static final String BEN = "ben.okafor";
    /** A rep of the overflow desk: skilled for sales calls but in no home team, so only the support queue has her. */
    static final String CARA = "cara.diaz";
    /** A line with a menu: key 2 is the support queue, no key (5 s) or a wrong key twice is sales. */
    static final String MENU_NUMBER = "+12125550101";
    private static final int RTP_FIRST_PORT = 30_100;
    private static final int RTP_LAST_PORT = 32_699;
    private static final int RTP_WINDOW_PORTS = 200;

    /**
     * What a test changes in the configuration.
     *
     * @param maxWaitSeconds the sales queue's maximum wait (0: none)
     * @param maxWaitAction  what the sales queue does then; OVERFLOW goes to the support queue
     * @param dialRules      sip.trunk.dialRules, e.g. "deny ^\\+?1900"; empty allows every number
     */
    record Options(int sipPort, int httpPort, String trunkAddress, int ringTimeoutSeconds, int wrapUpSeconds,
                   int maxWaitSeconds, MaxWaitAction maxWaitAction, List<String> dialRules) {
        Options(int sipPort, int httpPort, String trunkAddress, int ringTimeoutSeconds, int wrapUpSeconds) {
            this(sipPort, httpPort, trunkAddress, ringTimeoutSeconds, wrapUpSeconds, 300, MaxWaitAction.HANG_UP,
                    List.of());
        }

        static Options defaults() {
            return new Options(0, 0, null, 2, 1);
        }

        Options withTrunk(String address) {
            return new Options(sipPort, httpPort, address, ringTimeoutSeconds, wrapUpSeconds, maxWaitSeconds,
                    maxWaitAction, dialRules);
        }

        Options withPorts(int sip, int http) {
            return new Options(sip, http, trunkAddress, ringTimeoutSeconds, wrapUpSeconds, maxWaitSeconds,
                    maxWaitAction, dialRules);
        }

        Options withWrapUp(int seconds) {
            return new Options(sipPort, httpPort, trunkAddress, ringTimeoutSeconds, seconds, maxWaitSeconds,
                    maxWaitAction, dialRules);
        }

        Options withMaxWait(int seconds, MaxWaitAction action) {
            return new Options(sipPort, httpPort, trunkAddress, ringTimeoutSeconds, wrapUpSeconds, seconds, action,
                    dialRules);
        }

        Options withDialRules(String... rules) {
            return new Options(sipPort, httpPort, trunkAddress, ringTimeoutSeconds, wrapUpSeconds, maxWaitSeconds,
                    maxWaitAction, List.of(rules));
        }
    }

    final AcdServer server;
    final SipService sip;

    private E2eServer(AcdServer server) {
        this.server = server;
        this.sip = server.service(SipService.class).orElseThrow();
    }

    static String password(String user) {
        return "demo-" + user;
    }

    /**
     * Writes the test configuration as {@code dir/acd.yaml}. RTP ports 30100-32699: below Linux's ephemeral range
     * (32768 up, where phones' and SIPp's sockets land) and outside the default 20000-29999 that other servers on
     * this machine use, since a port taken by another socket makes the server fail an offer as UNREACHABLE. Each
     * server takes a random window of {@link #RTP_WINDOW_PORTS} in that range, so end-to-end runs of other checkouts
     * on the same machine, whose pools start at the same first port, rarely meet ours.
     */
    static Path writeConfig(Path dir, Options o) throws IOException {
        int windows = (RTP_LAST_PORT - RTP_FIRST_PORT + 1) / RTP_WINDOW_PORTS;
        int rtpFirst = RTP_FIRST_PORT + ThreadLocalRandom.current().nextInt(windows) * RTP_WINDOW_PORTS;
        String yaml = """
                zone: UTC
                tickIntervalMs: 100
                routing:
                  defaultSegment: long-tail
                  misses: { noAnswer: 1, rejected: 3, busy: 3, unreachable: 1 }
                  outboundWrapUpSeconds: %5$d
                skills:
                  - { id: crm, name: CRM }
                segments:
                  - { id: long-tail, name: Small business, homeTeams: [inside-smb], priority: 0 }
                queues:
                  - id: sales
                    name: New business
                    skills: { crm: 2 }
                    tiers:
                      - { name: home team, afterSeconds: 0, scope: HOME_TEAM }
                    serviceLevelSeconds: 20
                    serviceLevelGoalPercent: 80
                    wrapUpSeconds: %5$d
                    ringTimeoutSeconds: %4$d
                    maxWaitSeconds: %7$d
                    maxWaitAction: %8$s%9$s
                    shortAbandonSeconds: 0
                  - id: support
                    name: Support
                    tiers:
                      - { name: any inside rep, afterSeconds: 0, scope: SKILLED, kinds: [INSIDE] }
                    wrapUpSeconds: %5$d
                    ringTimeoutSeconds: %4$d
                    maxWaitSeconds: 300
                    maxWaitAction: HANG_UP
                    shortAbandonSeconds: 0
                lines:
                  - { id: sales, number: "+1 212 555 0100", name: Sales, queue: sales }
                  - id: main
                    number: "+1 212 555 0101"
                    name: Main number
                    queue: sales
                    menu: { timeoutSeconds: 5, default: sales, options: { "2": support } }
                reps:
                  - { id: ava.chen, name: Ava Chen, kind: INSIDE, team: inside-smb, skills: { crm: 7 } }
                  - { id: ben.okafor, name: Ben Okafor, kind: INSIDE, team: inside-smb, skills: { crm: 6 } }
                  - { id: cara.diaz, name: Cara Diaz, kind: INSIDE, team: overflow-desk, skills: { crm: 5 } }
                credentials:
                  realm: larkspur.example
                  softphones:
                    - { user: ava.chen, md5: 5a9971624ec617d8af9a0cfaa910734e }
                    - { user: ben.okafor, md5: 21491e714f678b367b1349da896ba24e }
                    - { user: cara.diaz, md5: 77f739947b5064dc8b4c90ef7224faa1 }
                users:
                  - name: supervisor
                    role: SUPERVISOR
                    pbkdf2: pbkdf2-sha256$600000$fv7tqVMHznHyeq3hdd8EGg$jBOo7zTEZUPH96Nl9hsY+TTlfAm5IAlWPix6YCBiYuc
                http: { enabled: %6$s, bind: 127.0.0.1, port: %2$d }
                asterisk:
                  fastagi: { enabled: false }
                  ami: { enabled: false }
                sip:
                  bind: 127.0.0.1
                  port: %1$d
                  transports: [udp]
                  digest: { algorithms: [MD5] }
                  trunk: { allowedSources: [127.0.0.1]%3$s%10$s }
                  media: { rtpPortFirst: %11$d, rtpPortLast: %12$d, noMediaTimeoutSeconds: 600 }
                qa:
                  workers: 1
                  waitForWrapUpSeconds: 0
                """.formatted(o.sipPort(), o.httpPort(),
                o.trunkAddress() == null ? "" : ", address: \"" + o.trunkAddress() + "\", callerId: \"+15550199\"",
                o.ringTimeoutSeconds(), o.wrapUpSeconds(), o.httpPort() > 0, o.maxWaitSeconds(), o.maxWaitAction(),
                o.maxWaitAction() == MaxWaitAction.OVERFLOW ? "\n    overflowQueue: support" : "",
                o.dialRules().isEmpty() ? "" : ", dialRules: [" + String.join(", ", o.dialRules().stream()
                        .map(r -> "'" + r.replace("'", "''") + "'").toList()) + "]",
                rtpFirst, rtpFirst + RTP_WINDOW_PORTS - 1);
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Starts the server in this JVM on {@code dir/journal}. */
    static E2eServer start(Path dir, Options options) throws Exception {
        AcdConfig config = ConfigLoader.load(writeConfig(dir, options));
        AcdServer server = AcdServer.start(config, new JournalSettings(dir.resolve("journal"), 0), Clock.SYSTEM,
                PipelineSettings.DEFAULT);
        try {
            Services.startAll(server);
            return new E2eServer(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    InetSocketAddress sipAddress() {
        return sip.udpAddress();
    }

    /** What a rep's desktop publishes when the rep logs in and says ready (as the demo does). */
    void loginReady(String repId) {
        long now = server.clock().millis();
        server.events().publish(new RepLoggedIn(now, repId));
        server.events().publish(new RepReady(now, repId));
        // as a rep's desktop sees its log-in confirmed: call control refuses transfers to reps the router has not
        // logged in yet
        await().atMost(Duration.ofSeconds(10)).until(() -> server.repLoggedIn(repId));
    }

    /** A registered, logged-in and ready rep's softphone on {@code host}. */
    TestPhone rep(String host, String repId) throws Exception {
        TestPhone phone = TestPhone.start(host);
        try {
            phone.register(sipAddress(), REALM, repId, password(repId));
        } catch (Exception | AssertionError e) {
            phone.close();
            throw e;
        }
        loginReady(repId);
        return phone;
    }

    List<Event> journal() {
        return readAll(server.journal());
    }

    <T extends Event> List<T> journaled(Class<T> type) {
        return journal().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The journal's events of the given types, in order, each as its simple name plus what tells it apart (the rep,
     * the queue, who ended it and why), e.g. {@code "CallOffered ava.chen"}.
     */
    List<String> life(Class<?>... types) {
        return journal().stream().filter(e -> List.of(types).stream().anyMatch(t -> t.isInstance(e)))
                .map(E2eServer::describe).toList();
    }

    static String describe(Event e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof CallOffered o) {
            return name + " " + o.repId();
        }
        if (e instanceof CallAnswered a) {
            return name + " " + a.repId();
        }
        if (e instanceof CallEnded c) {
            return name + " " + c.endedBy() + " " + c.reason();
        }
        if (e instanceof OfferFailed f) {
            return name + " " + f.repId() + " " + f.failure();
        }
        if (e instanceof WrapUpStarted w) {
            return name + " " + w.repId();
        }
        if (e instanceof CallTransferred t) {
            return name + " " + t.targetKind() + " " + t.target();
        }
        if (e instanceof CallQueued q) {
            return name + " " + q.queueId();
        }
        if (e instanceof MaxWaitReached m) {
            return name + " " + m.queueId() + " " + m.action();
        }
        if (e instanceof MenuChosen m) {
            return name + " " + m.digit() + " " + m.queueId();
        }
        if (e instanceof CallbackRequested c) {
            return name + " " + c.number();
        }
        return name;
    }

    /** Waits until an event {@code what} matches is journaled; on timeout the failure shows the journal. */
    void awaitJournaled(Predicate<Event> what, Duration limit, Object... phones) {
        try {
            await().atMost(limit).until(() -> journal().stream().anyMatch(what));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not journaled in time; the journal:\n" + String.join("\n",
                    journal().stream().map(Object::toString).toList()) + "\nphones: " + Arrays.stream(phones)
                    .map(p -> p instanceof TestPhone t ? t.events.toString() : String.valueOf(p)).toList(), e);
        }
    }

    static List<Event> readAll(Journal journal) {
        List<Event> events = new ArrayList<>();
        try (JournalReader reader = journal.readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }

    /** The statistics of {@code events} (every event applied to a fresh projection), as a report's totals row. */
    static ReportRow totals(List<Event> events, Grouping by) {
        StatsProjection stats = new StatsProjection(java.time.ZoneOffset.UTC);
        events.forEach(stats::apply);
        return stats.report(by).totals();
    }

    static ReportRow row(List<Event> events, Grouping by, String key) {
        StatsProjection stats = new StatsProjection(java.time.ZoneOffset.UTC);
        events.forEach(stats::apply);
        return stats.report(by).row(key).orElseThrow(() -> new AssertionError("no " + by + " row " + key + " in "
                + stats.report(by).rows()));
    }

    @Override
    public void close() {
        server.close();
    }
}
