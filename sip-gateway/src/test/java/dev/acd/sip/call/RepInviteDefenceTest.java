package dev.acd.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.SourceBlocked;
import dev.acd.core.time.Clock;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.auth.TestCredentials;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.defence.TrunkPolicy;
import dev.acd.sip.media.MediaSettings;
import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.media.RtpPortPool;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.sdp.Codec;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.ua.SipStack;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reps' outbound INVITEs with wrong credentials count in the {@link Defence} like failed REGISTERs: past the
 * threshold the source is blocked, told so once with 403, then dropped unanswered by the stack's admission check.
 */
class RepInviteDefenceTest {
    private static final int MAX_FAILURES = 3;
    private static final String WRONG = "Proxy-Authorization: Digest username=\"ava.chen\", realm=\"larkspur.example\", "
            + "nonce=\"forged\", uri=\"sip:x@y\", response=\"00\", algorithm=SHA-256, qop=auth, nc=00000001, "
            + "cnonce=\"c\"";

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private Defence defence;
    private SipStack stack;
    private Phone attacker;
    private Phone ben;

    @BeforeEach
    void start() throws Exception {
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
        defence = new Defence(DefenceSettings.DEFAULTS.withFailures(MAX_FAILURES, 100), Clock.SYSTEM, publisher);
        TransportSettings transports = new TransportSettings(List.of(new InetSocketAddress("127.0.0.1", 0)), List.of(),
                1, TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, 65_507, 16_384);
        stack = SipStack.start(transports, TimerSettings.DEFAULTS, new SipStack.Options(null, defence::admit));
        int first = 30000 + 2 * ThreadLocalRandom.current().nextInt(10000);
        RtpEndpoints endpoints = new RtpEndpoints(new RtpPortPool(first, first + 19), InetAddress.getLoopbackAddress(),
                stack.transports().nativeEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class,
                new MediaSettings(first, first + 19, 0));
        CallMedia media = new CallMedia(endpoints, InetAddress.getLoopbackAddress(), List.of(Codec.PCMU),
                CallSounds.builtIn());
        Classifier classifier = new Classifier(Gateway.model(), new CustomerDirectory(List.of()));
        DigestAuthenticator auth = new DigestAuthenticator(DigestSettings.DEFAULTS, new TestCredentials(),
                Clock.SYSTEM);
        AtomicLong ids = new AtomicLong();
        CallControl control = new CallControl(stack, repId -> List.of(), auth, defence,
                TrunkPolicy.of(List.of(Gateway.TRUNK_HOST)), publisher, () -> classifier, Gateway::model,
                ids::incrementAndGet, CallOwnership.NONE, media, CallRecordings.NONE, Clock.SYSTEM,
                new CallControlSettings(null, "+15550199", DialRules.allowAll(), 60_000, 2_000));
        control.start();
        attacker = Phone.start("127.0.0.3");
        ben = Phone.start("127.0.0.4");
    }

    @AfterEach
    void stop() {
        attacker.close();
        ben.close();
        stack.close();
    }

    private InetSocketAddress gateway() {
        return stack.localAddress(SipTransport.UDP);
    }

    private int status(Phone phone, String... headers) throws Exception {
        SipMessage response = phone.call("+15551230000", gateway(), headers).finalResponse.get(5, TimeUnit.SECONDS);
        return response == null ? 0 : response.statusCode();
    }

    @Test
    void shouldBlockTheSourceWhenRepInvitesFailAuthenticationPastTheThreshold() throws Exception {
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertEquals(407, status(attacker, WRONG), "failure " + i + " is challenged again");
        }
        assertFalse(defence.isBlocked(InetAddress.getByName("127.0.0.3")));

        assertEquals(403, status(attacker, WRONG), "the failure that blocks is told once");

        assertTrue(defence.isBlocked(InetAddress.getByName("127.0.0.3")));
        assertEquals(MAX_FAILURES, defence.failedAuthentications());
        SourceBlocked blocked = (SourceBlocked) events.stream().filter(SourceBlocked.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no SourceBlocked in " + events));
        assertEquals("127.0.0.3", blocked.address());
        assertEquals("ava.chen", blocked.user());

        attacker.call("+15551230000", gateway(), WRONG);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stack.requestsRefused() >= 1);
        assertEquals(MAX_FAILURES, defence.failedAuthentications(), "dropped before authentication");
        assertEquals(407, status(ben), "another source is still challenged");
    }

    @Test
    void shouldNotCountAChallengeAnsweredWithoutCredentials() throws Exception {
        for (int i = 0; i < MAX_FAILURES + 1; i++) {
            assertEquals(407, status(attacker));
        }

        assertEquals(0, defence.failedAuthentications());
        assertFalse(defence.isBlocked(InetAddress.getByName("127.0.0.3")));
    }
}
