package dev.acd.demo;

import dev.acd.config.AcdConfig;
import dev.acd.config.SoftphoneCredential;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.time.Clock;
import dev.acd.sip.auth.Credential;
import dev.acd.sip.auth.CredentialStore;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.message.SipLimits;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.registrar.Registrar;
import dev.acd.sip.registrar.RegistrarSettings;
import dev.acd.sip.registrar.RequestSender;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.EventLoopScheduler;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.ua.SipStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's registrar as the SIP wiring will run it, on a SipStack of its own on a loopback ephemeral port, with
 * the default configuration's softphone credentials. Records the events it publishes.
 */
final class TestRegistrar implements AutoCloseable {
    final List<Event> events = new CopyOnWriteArrayList<>();
    final SipStack stack;
    final Registrar registrar;

    TestRegistrar(AcdConfig config) {
        stack = SipStack.start(new TransportSettings(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                List.of(), 1, TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, SipLimits.MAX_MESSAGE_BYTES,
                SipLimits.MAX_HEADER_BYTES), TimerSettings.DEFAULTS);
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(Event event) {
                events.add(event);
            }

            @Override
            public boolean tryPublish(Event event) {
                events.add(event);
                return true;
            }
        };
        CredentialStore credentials = new CredentialStore() {
            @Override
            public String realm() {
                return config.credentials().realm();
            }

            @Override
            public Optional<Credential> find(String user) {
                Optional<SoftphoneCredential> c = config.credentials().forUser(user);
                return c.map(s -> new Credential(s.user(), s.repId(), s.md5Ha1(), s.sha256Ha1()));
            }
        };
        RequestSender sender = new RequestSender() {
            @Override
            public InetSocketAddress localAddress(SipTransport transport) {
                return stack.localAddress(transport);
            }

            @Override
            public void send(SipMessage request, InetSocketAddress to, SipTransport transport,
                    ClientTransactionUser user) {
                stack.send(request, new NextHop(transport, to), user);
            }
        };
        registrar = new Registrar(RegistrarSettings.DEFAULTS.withPings(0, 2),
                new DigestAuthenticator(DigestSettings.DEFAULTS, credentials, Clock.SYSTEM),
                new Defence(DefenceSettings.DEFAULTS, Clock.SYSTEM, publisher), sender,
                new EventLoopScheduler(stack.transports().nextLoop()), Clock.SYSTEM, publisher);
        registrar.start();
        stack.register("REGISTER", registrar::onRegister);
    }

    InetSocketAddress address() {
        return stack.localAddress(SipTransport.UDP);
    }

    @Override
    public void close() {
        registrar.close();
        stack.close();
    }
}
