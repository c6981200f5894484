package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;

import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.model.Customer;
import dev.acd.core.model.Line;
import dev.acd.core.model.LineMenu;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.RoutingSettings;
import dev.acd.core.model.Segment;
import dev.acd.core.time.Clock;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.auth.TestCredentials;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.defence.TrunkPolicy;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.media.MediaSettings;
import dev.acd.sip.media.MediaTap;
import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.media.RtpPortPool;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.registrar.Registrar;
import dev.acd.sip.registrar.RegistrarSettings;
import dev.acd.sip.registrar.RequestSender;
import dev.acd.sip.sdp.Codec;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.EventLoopScheduler;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.ua.SipStack;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway under test on 127.0.0.1: a SIP stack with a real registrar (demo credentials) and call control,
 * trusting the trunk at 127.0.0.2. Plays the router's part: collects the published events; the test sends the
 * commands. Recordings go to an in-memory tap.
 */
final class Gateway implements AutoCloseable {
    static final String TRUNK_HOST = "127.0.0.2";
    static final String LINE_NUMBER = "+15550100";
    static final String KNOWN_CALLER = "+15557770001";
    /** A line with a menu: 1 sales, 2 renewals; 1 s to choose, sales by default. */
    static final String MENU_NUMBER = "+15550111";

    final SipStack stack;
    final Registrar registrar;
    final CallControl control;
    final List<Event> events = new CopyOnWriteArrayList<>();
    /** Runs on every published event, on the publishing thread: a test's stand-in for a fast router. */
    volatile java.util.function.Consumer<Event> onPublish = e -> { };
    final Map<Long, TapRecording> recordings = new ConcurrentHashMap<>();
    final RoutingModel model = model();
    /** The RTP endpoints calls take their ports from (a test may hold ports to exhaust the range). */
    final RtpEndpoints endpoints;
    private final AtomicLong ids = new AtomicLong(1000);

    /** What a test may change: SIP timers, call control's liveness checks, the RTP range's size. */
    record Tuning(TimerSettings timers, long keepaliveMs, long rtpTimeoutMs, long dialTimeoutMs, long portRetryMs,
            int portPairs) {
        static Tuning defaults() {
            return new Tuning(TimerSettings.DEFAULTS, CallControlSettings.DEFAULT_KEEPALIVE_INTERVAL_MS,
                    CallControlSettings.DEFAULT_RTP_TIMEOUT_MS, CallControlSettings.DEFAULT_DIAL_TIMEOUT_MS,
                    CallControlSettings.DEFAULT_PORT_RETRY_MS, 100);
        }
    }

    Gateway(InetSocketAddress trunk) {
        this(trunk, CallSounds.builtIn(), 60_000, Tuning.defaults());
    }

    /** A gateway whose callers hear {@code sounds}, with the announcement every {@code announceIntervalMs}. */
    Gateway(InetSocketAddress trunk, CallSounds sounds, long announceIntervalMs) {
        this(trunk, sounds, announceIntervalMs, Tuning.defaults());
    }

    Gateway(InetSocketAddress trunk, Tuning tuning) {
        this(trunk, CallSounds.builtIn(), 60_000, tuning);
    }

    Gateway(InetSocketAddress trunk, CallSounds sounds, long announceIntervalMs, Tuning tuning) {
        this(trunk, sounds, announceIntervalMs, tuning, 1);
    }

    /** A gateway whose SIP over UDP runs on {@code ioThreads} event loops, one socket each, as the server's does. */
    Gateway(InetSocketAddress trunk, CallSounds sounds, long announceIntervalMs, Tuning tuning, int ioThreads) {
        TransportSettings transports = new TransportSettings(List.of(new InetSocketAddress("127.0.0.1", 0)), List.of(),
                ioThreads, TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, 65_507, 16_384);
        stack = SipStack.start(transports, tuning.timers());
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(Event event) {
                events.add(event);
                onPublish.accept(event);
            }

            @Override
            public boolean tryPublish(Event event) {
                events.add(event);
                onPublish.accept(event);
                return true;
            }
        };
        DigestAuthenticator auth = new DigestAuthenticator(DigestSettings.DEFAULTS, new TestCredentials(),
                Clock.SYSTEM);
        RegistrarSettings registrarSettings = new RegistrarSettings(60, 3600, 3600, 10, 0, 2);
        registrar = new Registrar(registrarSettings, auth, new Defence(DefenceSettings.DEFAULTS, Clock.SYSTEM,
                publisher), new RequestSender() {
                    @Override
                    public InetSocketAddress localAddress(SipTransport transport) {
                        return stack.localAddress(transport);
                    }

                    @Override
                    public void send(SipMessage request, InetSocketAddress to, SipTransport transport,
                            ClientTransactionUser user) {
                        stack.send(request, new NextHop(transport, to), user);
                    }
                }, new EventLoopScheduler(stack.transports().nextLoop()), Clock.SYSTEM, publisher);
        stack.register("REGISTER", registrar::onRegister);
        int first = 30000 + 2 * ThreadLocalRandom.current().nextInt(10000);
        int last = first + 2 * tuning.portPairs() - 1;
        RtpEndpoints endpoints = new RtpEndpoints(new RtpPortPool(first, last), InetAddress.getLoopbackAddress(),
                stack.transports().nativeEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class,
                new MediaSettings(first, last, 0));
        this.endpoints = endpoints;
        CallMedia media = new CallMedia(endpoints, InetAddress.getLoopbackAddress(), List.of(Codec.PCMU, Codec.PCMA),
                sounds);
        CustomerDirectory directory = new CustomerDirectory(List.of(new Customer("c-acme", "Acme", List.of(KNOWN_CALLER),
                "acme", "strategic", 250_000, "rep-ava", "north", null, null)));
        Classifier classifier = new Classifier(model, directory);
        CallControlSettings settings = new CallControlSettings(
                trunk == null ? null : new NextHop(SipTransport.UDP, trunk), "+15550199",
                DialRules.of(List.of("deny ^\\+?1900", "allow ^\\+?[0-9]{6,15}$")), announceIntervalMs, 2_000)
                .withLiveness(tuning.keepaliveMs(), tuning.rtpTimeoutMs(), tuning.dialTimeoutMs(), tuning.portRetryMs());
        control = new CallControl(stack, registrar::bindingsOf, auth, TrunkPolicy.of(List.of(TRUNK_HOST)), publisher,
                () -> classifier, () -> model, ids::incrementAndGet, CallOwnership.NONE, media,
                callId -> recordings.computeIfAbsent(callId, id -> new TapRecording()), Clock.SYSTEM, settings);
        control.start();
    }

    InetSocketAddress address() {
        return stack.localAddress(SipTransport.UDP);
    }

    static RoutingModel model() {
        Queue sales = new Queue("q-sales", "Sales", List.of(), List.of(), 20, 80, 30, 15, 0, MaxWaitAction.HANG_UP,
                null, 5, 1);
        Queue renewals = new Queue("q-renewals", "Renewals", List.of(), List.of(), 20, 80, 30, 15, 0,
                MaxWaitAction.HANG_UP, null, 5, 1);
        List<Rep> reps = List.of(rep("rep-ava", "ava.chen"), rep("rep-ben", "ben.okafor"));
        return new RoutingModel(List.of(), List.of(new Segment("strategic", "Strategic", java.util.Set.of(), 50),
                new Segment("smb", "Small business", java.util.Set.of(), 10)), List.of(sales, renewals),
                List.of(new Line("l-sales", LINE_NUMBER, "Sales line", "q-sales"),
                        new Line("l-menu", MENU_NUMBER, "Menu line", "q-sales", new LineMenu(null, 1, "q-sales",
                                Map.of("1", "q-sales", "2", "q-renewals")))), reps,
                new RoutingSettings("smb", List.of(), MissPolicy.DEFAULT, 30, 5));
    }

    private static Rep rep(String id, String user) {
        return new Rep(id, id, RepKind.INSIDE, "inside", Map.of(), null, null, new Reach(ReachKind.SOFTPHONE, user),
                List.of(), ZoneOffset.UTC);
    }

    static Reach softphone(String user) {
        return new Reach(ReachKind.SOFTPHONE, user);
    }

    /** The call events published so far, as "Type" strings (registrar events left out). */
    List<String> callEventNames() {
        List<String> names = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof CallEvent) {
                names.add(e.getClass().getSimpleName());
            }
        }
        return names;
    }

    <T extends Event> T awaitEvent(Class<T> type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> first(type), e -> e != null);
    }

    <T extends Event> T first(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    <T extends Event> long count(Class<T> type) {
        return events.stream().filter(type::isInstance).count();
    }

    @Override
    public void close() {
        registrar.close();
        stack.close();
    }

    /** A recording in memory: each side's frames in order, hold marks, closed once. */
    static final class TapRecording implements CallRecordings.Recording, MediaTap {
        private short[] caller = new short[0];
        private short[] rep = new short[0];
        final List<Boolean> holds = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public MediaTap tap() {
            return this;
        }

        @Override
        public CompletableFuture<CallRecordings.RecordedFile> close() {
            closed = true;
            return CompletableFuture.completedFuture(new CallRecordings.RecordedFile("/recordings/test.wav", 1234));
        }

        @Override
        public synchronized void callerFrame(long timeMs, short[] samples) {
            caller = append(caller, samples);
        }

        @Override
        public synchronized void repFrame(long timeMs, short[] samples) {
            rep = append(rep, samples);
        }

        @Override
        public void hold(boolean onHold, long timeMs) {
            holds.add(onHold);
        }

        synchronized short[] caller() {
            return caller.clone();
        }

        synchronized short[] rep() {
            return rep.clone();
        }

        private static short[] append(short[] to, short[] more) {
            short[] out = Arrays.copyOf(to, to.length + more.length);
            System.arraycopy(more, 0, out, to.length, more.length);
            return out;
        }
    }
}
