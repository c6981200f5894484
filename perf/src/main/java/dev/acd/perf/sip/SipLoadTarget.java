package dev.acd.perf.sip;

import dev.acd.core.time.Clock;
import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.message.SipLimits;
import dev.acd.sip.registrar.Registrar;
import dev.acd.sip.registrar.RegistrarSettings;
import dev.acd.sip.registrar.RequestSender;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.EventLoopScheduler;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.ua.SipStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The system under test for SIPp load runs: our {@link SipStack} on loopback with a {@link Registrar} (digest over
 * {@link LoadUsers}, MD5 only by default because SIPp computes MD5 only, OPTIONS pings off since SIPp would not
 * answer them) and an {@link AnsweringUserAgent} for INVITEs. Several UDP ports can be bound: each UDP socket is
 * read by one event loop, so one port caps UDP at one core.
 *
 * <p>Run: {@code java -cp <perf classpath> dev.acd.perf.sip.SipLoadTarget --users 10000 --udp-ports 5060,5061
 * --tcp-port 5060 --users-csv /tmp/users.csv}. Prints one {@code READY ...} line when bound and a counters line when
 * stopped (SIGTERM, or end of standard input).
 */
public final class SipLoadTarget implements AutoCloseable {
    /** Everything a load run may vary; {@link #parse} reads them from {@code --name value} arguments. */
    public record Options(String host, List<Integer> udpPorts, int tcpPort, int ioThreads, int users, String realm,
            List<DigestAlgorithm> algorithms, long answerDelayMs, Path usersCsv) {
        public static Options defaults() {
            return new Options("127.0.0.1", List.of(5060), 5060, 0, 10_000, "perf.acd.example",
                    List.of(DigestAlgorithm.MD5), 0, null);
        }

        /** Parses {@code --host --udp-ports a,b --tcp-port --io-threads --users --realm --algorithms MD5,SHA-256
         *  --answer-delay-ms --users-csv}; names the argument that is wrong. */
        public static Options parse(String[] args) {
            Options o = defaults();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("load target: " + name + " needs a value");
                }
                String value = args[i + 1];
                try {
                    o = switch (name) {
                        case "--host" -> new Options(value, o.udpPorts, o.tcpPort, o.ioThreads, o.users, o.realm,
                                o.algorithms, o.answerDelayMs, o.usersCsv);
                        case "--udp-ports" -> new Options(o.host, ports(value), o.tcpPort, o.ioThreads, o.users,
                                o.realm, o.algorithms, o.answerDelayMs, o.usersCsv);
                        case "--tcp-port" -> new Options(o.host, o.udpPorts, Integer.parseInt(value), o.ioThreads,
                                o.users, o.realm, o.algorithms, o.answerDelayMs, o.usersCsv);
                        case "--io-threads" -> new Options(o.host, o.udpPorts, o.tcpPort, Integer.parseInt(value),
                                o.users, o.realm, o.algorithms, o.answerDelayMs, o.usersCsv);
                        case "--users" -> new Options(o.host, o.udpPorts, o.tcpPort, o.ioThreads,
                                Integer.parseInt(value), o.realm, o.algorithms, o.answerDelayMs, o.usersCsv);
                        case "--realm" -> new Options(o.host, o.udpPorts, o.tcpPort, o.ioThreads, o.users, value,
                                o.algorithms, o.answerDelayMs, o.usersCsv);
                        case "--algorithms" -> new Options(o.host, o.udpPorts, o.tcpPort, o.ioThreads, o.users,
                                o.realm, algorithms(value), o.answerDelayMs, o.usersCsv);
                        case "--answer-delay-ms" -> new Options(o.host, o.udpPorts, o.tcpPort, o.ioThreads, o.users,
                                o.realm, o.algorithms, Long.parseLong(value), o.usersCsv);
                        case "--users-csv" -> new Options(o.host, o.udpPorts, o.tcpPort, o.ioThreads, o.users,
                                o.realm, o.algorithms, o.answerDelayMs, Path.of(value));
                        default -> throw new IllegalArgumentException("unknown option");
                    };
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("load target: bad " + name + " " + value + ": "
                            + e.getMessage(), e);
                }
            }
            return o;
        }

        private static List<Integer> ports(String value) {
            List<Integer> ports = new ArrayList<>();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    ports.add(Integer.parseInt(part.trim()));
                }
            }
            return List.copyOf(ports);
        }

        private static List<DigestAlgorithm> algorithms(String value) {
            List<DigestAlgorithm> list = new ArrayList<>();
            for (String part : value.split(",")) {
                list.add(DigestAlgorithm.fromRfcName(part.trim()).orElseThrow(
                        () -> new IllegalArgumentException("not MD5 or SHA-256: " + part)));
            }
            return list;
        }
    }

    private final SipStack stack;
    private final Registrar registrar;
    private final Defence defence;
    private final AnsweringUserAgent callee;
    private final CountingPublisher publisher = new CountingPublisher();

    private SipLoadTarget(Options options, LoadUsers users) {
        List<InetSocketAddress> udp = options.udpPorts().stream()
                .map(port -> new InetSocketAddress(options.host(), port)).toList();
        List<InetSocketAddress> tcp = options.tcpPort() < 0 ? List.of()
                : List.of(new InetSocketAddress(options.host(), options.tcpPort()));
        TransportSettings transports = new TransportSettings(udp, tcp, options.ioThreads(),
                TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, SipLimits.MAX_MESSAGE_BYTES, SipLimits.MAX_HEADER_BYTES);
        this.stack = SipStack.start(transports, TimerSettings.DEFAULTS);
        DigestSettings digest = new DigestSettings(options.algorithms(), DigestSettings.DEFAULT_NONCE_LIFETIME_MS,
                DigestSettings.DEFAULT_MAX_TRACKED_NONCES, false);
        this.defence = new Defence(DefenceSettings.DEFAULTS, Clock.SYSTEM, publisher);
        this.registrar = new Registrar(RegistrarSettings.DEFAULTS.withPings(0, 1),
                new DigestAuthenticator(digest, users, Clock.SYSTEM), defence, new NoPings(),
                new EventLoopScheduler(stack.transports().nextLoop()), Clock.SYSTEM, publisher);
        this.callee = new AnsweringUserAgent(stack.core(), options.answerDelayMs());
        stack.register("REGISTER", registrar::onRegister);
        stack.register("INVITE", callee);
        registrar.start();
    }

    /** Builds the users (and their SIPp file when asked), binds the transports and starts answering. */
    public static SipLoadTarget start(Options options) {
        LoadUsers users = new LoadUsers(options.realm(), options.users());
        if (options.usersCsv() != null) {
            try {
                users.writeSippCsv(options.usersCsv());
            } catch (IOException e) {
                throw new UncheckedIOException("load target: cannot write " + options.usersCsv(), e);
            }
        }
        return new SipLoadTarget(options, users);
    }

    public SipStack stack() {
        return stack;
    }

    /** One line: what the stack, registrar, defence and callee did so far. */
    public String counters() {
        return "bindings=" + registrar.bindingCount() + " dialogs=" + stack.core().dialogCount()
                + " failedAuth=" + defence.failedAuthentications() + " dropped=" + defence.droppedRequests()
                + " events=" + publisher.published() + " " + callee.counters()
                + " received=" + stack.transports().counters().received()
                + " malformed=" + stack.transports().counters().answeredMalformed()
                + " droppedMessages=" + stack.transports().counters().dropped()
                + " errors=" + stack.transports().counters().errors();
    }

    @Override
    public void close() {
        registrar.close();
        stack.close();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        SipLoadTarget target = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("COUNTERS " + target.counters());
            target.close();
            stopped.countDown();
        }, "load-target-stop"));
        StringBuilder ready = new StringBuilder("READY pid=").append(ProcessHandle.current().pid());
        for (int i = 0; i < options.udpPorts().size(); i++) {
            ready.append(" udp=").append(hostPort(target.stack.transports().udpAddress(i)));
        }
        if (options.tcpPort() >= 0) {
            ready.append(" tcp=").append(hostPort(target.stack.transports().tcpAddress(0)));
        }
        ready.append(" epoll=").append(target.stack.transports().nativeEpoll()).append(" users=")
                .append(options.users());
        System.out.println(ready);
        System.out.flush();
        // Until SIGTERM (the hook above) or until the driver closes our standard input.
        while (System.in.read() >= 0) {
            // discard
        }
        System.exit(0);
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Pings are off in load runs (SIPp would not answer them); nothing calls this. */
    private static final class NoPings implements RequestSender {
        @Override
        public InetSocketAddress localAddress(SipTransport transport) {
            throw new UnsupportedOperationException("pings are off in load runs");
        }

        @Override
        public void send(SipMessage request, InetSocketAddress to, SipTransport transport,
                ClientTransactionUser user) {
            throw new UnsupportedOperationException("pings are off in load runs");
        }
    }
}
