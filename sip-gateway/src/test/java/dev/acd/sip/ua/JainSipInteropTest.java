package dev.acd.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls between our test user agent and the JAIN-SIP RI stack (its own transactions and dialogs) on loopback, both
 * directions, UDP and TCP, and over UDP with the first INVITE and the first 200 lost.
 */
class JainSipInteropTest {
    private TestUserAgent ua;
    private JainSipPhone phone;

    private static ConditionFactory await() {
        // Generous: under a loaded CI machine the lost-packet test waits on real RFC 3261 retransmission timers.
        return Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20));
    }

    private void start(SipTransport transport) throws Exception {
        ua = TestUserAgent.start(TransportSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                TimerSettings.DEFAULTS);
        phone = new JainSipPhone(transport.name().toLowerCase(Locale.ROOT));
    }

    private String uaUri(SipTransport transport) {
        InetSocketAddress local = ua.stack().localAddress(transport);
        return "sip:test-ua@127.0.0.1:" + local.getPort() + (transport == SipTransport.TCP ? ";transport=tcp" : "");
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (ua != null) {
            ua.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void shouldCompleteACallPlacedByTheJainSipStackAndHungUpByIt(SipTransport transport) throws Exception {
        start(transport);

        phone.call(uaUri(transport));
        await().until(() -> phone.events.contains("200 INVITE") && ua.events.contains("ack"));
        phone.bye();

        await().until(() -> phone.events.contains("200 BYE"));
        await().until(() -> ua.events.contains("ended: BYE received"));
        assertEquals(List.of("ringing", "answered", "ack", "ended: BYE received"), ua.events);
        assertEquals(0, ua.stack().core().dialogCount());
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void shouldCompleteACallPlacedByOurUserAgentAndHungUpByIt(SipTransport transport) throws Exception {
        start(transport);

        Dialog dialog = ua.call(phone.uri(), transport).get(10, TimeUnit.SECONDS);
        await().until(() -> phone.events.contains("ack"));
        ua.hangUp(dialog);

        await().until(() -> phone.events.contains("bye"));
        assertEquals(List.of("invite", "ack", "bye"), phone.events);
        assertTrue(ua.events.contains("ended: BYE sent"), ua.events.toString());
        assertEquals(transport, dialog.transport());
    }

    @Test
    void shouldSaveACallOverUdpWhenTheFirstInviteAndTheFirst200AreLost() throws Exception {
        start(SipTransport.UDP);
        LossyDatagrams loss = new LossyDatagrams()
                .dropFirstInbound(text -> text.startsWith("INVITE "))
                .dropFirstOutbound(text -> text.startsWith("SIP/2.0 200") && text.contains(" INVITE\r\n"));
        loss.installOn(ua.stack().transports().udpSockets(0));

        phone.call(uaUri(SipTransport.UDP));
        await().until(() -> phone.events.contains("200 INVITE") && ua.events.contains("ack"));
        phone.bye();

        await().until(() -> ua.events.contains("ended: BYE received"));
        assertEquals(2, loss.dropped.size(), loss.dropped.toString());
        assertEquals(List.of("ringing", "answered", "ack", "ended: BYE received"), ua.events);
    }
}
