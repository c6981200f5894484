package dev.acd.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.core.time.Clock;
import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.auth.TestCredentials;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.registrar.Binding;
import dev.acd.sip.registrar.Registrar;
import dev.acd.sip.registrar.RegistrarSettings;
import dev.acd.sip.registrar.RequestSender;
import dev.acd.sip.transaction.EventLoopScheduler;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rep's softphone on the JAIN-SIP RI stack (its transactions and its own digest client, not our code) registers
 * against our registrar on our stack, on loopback: register, refresh, un-register, a wrong password, UDP and TCP,
 * and over UDP with the first REGISTER and the first 200 lost.
 */
class JainSipRegistrationTest {
    private static final List<DigestAlgorithm> MD5_FIRST = List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private SipStack stack;
    private Registrar registrar;
    private Defence defence;
    private JainSipSoftphone phone;

    private static ConditionFactory await() {
        // the lost-packet test waits on real RFC 3261 retransmission timers (Timer E: 500 ms, then 1 s)
        return Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20));
    }

    private void start(List<DigestAlgorithm> offered) {
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(Event event) {
                events.add(event);
            }

            @Override
            public boolean tryPublish(Event event) {
                return events.add(event);
            }
        };
        defence = new Defence(DefenceSettings.DEFAULTS, Clock.SYSTEM, publisher);
        stack = SipStack.start(TransportSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                TimerSettings.DEFAULTS, new SipStack.Options(null, defence::admit));
        DigestSettings digest = DigestSettings.DEFAULTS;
        DigestAuthenticator authenticator = new DigestAuthenticator(new DigestSettings(offered,
                digest.nonceLifetimeMs(), digest.maxTrackedNonces(), digest.acceptNoQop()), new TestCredentials(),
                Clock.SYSTEM);
        registrar = new Registrar(RegistrarSettings.DEFAULTS.withPings(0, 1), authenticator, defence,
                new StackSender(stack), new EventLoopScheduler(stack.transports().nextLoop()), Clock.SYSTEM,
                publisher);
        stack.register("REGISTER", registrar::onRegister);
        registrar.start();
    }

    private record StackSender(SipStack stack) implements RequestSender {
        @Override
        public InetSocketAddress localAddress(SipTransport transport) {
            return stack.localAddress(transport);
        }

        @Override
        public void send(dev.acd.sip.message.SipMessage request, InetSocketAddress to, SipTransport transport,
                dev.acd.sip.transaction.ClientTransactionUser user) {
            stack.send(request, new NextHop(transport, to), user);
        }
    }

    private String registrarAddress(SipTransport transport) {
        return "127.0.0.1:" + stack.localAddress(transport).getPort();
    }

    private static String lower(SipTransport transport) {
        return transport.name().toLowerCase(Locale.ROOT);
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (registrar != null) {
            registrar.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void shouldRegisterRefreshAndUnregisterTheJainSipStackWithMd5Digest(SipTransport transport) throws Exception {
        start(MD5_FIRST);
        phone = new JainSipSoftphone(lower(transport), "ava.chen", TestCredentials.password("ava.chen"));

        phone.register(registrarAddress(transport), 600);
        await().until(() -> phone.events.contains("200 REGISTER"));
        List<Binding> first = registrar.bindingsOf("rep-ava");
        assertEquals(1, first.size(), first.toString());
        assertEquals(phone.contactUri(), first.get(0).contact());
        assertEquals(transport, first.get(0).transport());
        assertTrue(events.stream().anyMatch(e -> e instanceof RepReachable r && r.repId().equals("rep-ava")),
                events.toString());

        phone.register(registrarAddress(transport), 600);
        await().until(() -> phone.events.size() == 2);
        List<Binding> refreshed = registrar.bindingsOf("rep-ava");
        assertEquals(1, refreshed.size(), refreshed.toString());
        assertTrue(refreshed.get(0).cseq() > first.get(0).cseq(), "the refresh's CSeq is kept: " + refreshed);
        assertTrue(refreshed.get(0).expiresAt() >= first.get(0).expiresAt());

        phone.register(registrarAddress(transport), 0);
        await().until(() -> phone.events.size() == 3);
        assertEquals(List.of("200 REGISTER", "200 REGISTER", "200 REGISTER"), phone.events);
        assertEquals(List.of(), registrar.bindingsOf("rep-ava"));
        assertTrue(events.stream().anyMatch(e -> e instanceof RepUnreachable r && r.repId().equals("rep-ava")),
                events.toString());
        assertEquals(0, defence.failedAuthentications());
        // every REGISTER was challenged once and answered by JAIN-SIP's helper with MD5
        assertEquals(List.of("MD5", "MD5", "MD5"), phone.acceptedAlgorithms);
        assertEquals(3, challenges().size());
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void shouldRefuseTheJainSipStackWhenItsPasswordIsWrong(SipTransport transport) throws Exception {
        start(MD5_FIRST);
        phone = new JainSipSoftphone(lower(transport), "ava.chen", "not-the-password");

        phone.register(registrarAddress(transport), 600);

        await().until(() -> phone.events.contains("401 REGISTER"));
        assertEquals(List.of("401 REGISTER"), phone.events);
        assertEquals(List.of(), registrar.bindingsOf("rep-ava"));
        assertEquals(1, defence.failedAuthentications());
        assertEquals(List.of(), events);
    }

    @Test
    void shouldRegisterOverUdpWhenTheFirstRegisterAndTheFirst200AreLost() throws Exception {
        start(MD5_FIRST);
        LossyDatagrams loss = new LossyDatagrams()
                .dropFirstInbound(text -> text.startsWith("REGISTER "))
                .dropFirstOutbound(text -> text.startsWith("SIP/2.0 200"));
        loss.installOn(stack.transports().udpSockets(0));
        phone = new JainSipSoftphone("udp", "ava.chen", TestCredentials.password("ava.chen"));

        phone.register(registrarAddress(SipTransport.UDP), 600);

        await().until(() -> phone.events.contains("200 REGISTER"));
        assertEquals(List.of("REGISTER sip:" + registrarAddress(SipTransport.UDP) + ";transport=udp SIP/2.0",
                "SIP/2.0 200 OK"), loss.dropped);
        assertEquals(List.of("200 REGISTER"), phone.events);
        assertEquals(1, registrar.bindingsOf("rep-ava").size());
        // the retransmitted authenticated REGISTER was absorbed by its transaction, not checked again as a replay
        assertEquals(0, defence.failedAuthentications());
    }

    /**
     * JAIN-SIP RI 1.3.0-91 cannot do SHA-256: it answers every challenge, hashing with MD5 under the algorithm the
     * challenge names, so with SHA-256 offered first its first Authorization is wrong and it is refused.
     */
    @Test
    void shouldRefuseTheJainSipStackWhenSha256IsOfferedFirst() throws Exception {
        start(DigestSettings.DEFAULTS.algorithms());
        phone = new JainSipSoftphone("udp", "ava.chen", TestCredentials.password("ava.chen"));

        phone.register(registrarAddress(SipTransport.UDP), 600);

        await().until(() -> phone.events.contains("401 REGISTER"));
        assertEquals(List.of(), registrar.bindingsOf("rep-ava"));
        assertEquals(1, defence.failedAuthentications());
    }

    private List<Response> challenges() {
        return phone.responses.stream().filter(r -> r.getStatusCode() == Response.UNAUTHORIZED)
                .filter(r -> ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod().equals("REGISTER")).toList();
    }
}
