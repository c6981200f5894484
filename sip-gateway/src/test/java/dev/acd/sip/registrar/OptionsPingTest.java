package dev.acd.sip.registrar;

import static dev.acd.sip.registrar.RegistrarHarness.PHONE;
import static dev.acd.sip.registrar.RegistrarHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.event.RepUnreachable;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transport.SipTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsPingTest {
    private final RegistrarHarness h = new RegistrarHarness();

    @Test
    void shouldPingEachBindingWithOptionsToWhereItRegisteredFrom() {
        h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20:5060>"));
        h.registrar.start();

        h.time.advance(RegistrarSettings.DEFAULT_PING_INTERVAL_MS);

        assertEquals(1, h.sender.sent.size());
        FakeSender.Sent ping = h.sender.sent.get(0);
        assertEquals(PHONE, ping.to());
        assertEquals(SipTransport.UDP, ping.transport());
        String text = new String(ping.request().encode(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("OPTIONS sip:ava.chen@10.1.1.20:5060 SIP/2.0\r\n"), text);
        assertTrue(text.contains("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK"), text);
        assertTrue(text.contains("rport"), text);
        assertTrue(text.contains("CSeq: 1 OPTIONS"), text);
        assertTrue(ping.request().hasRfc3261Branch());
    }

    @Test
    void shouldKeepABindingWhosePhoneAnswersEvenWithAnError() {
        h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20:5060>"));
        h.registrar.start();

        for (int round = 0; round < 5; round++) {
            h.time.advance(RegistrarSettings.DEFAULT_PING_INTERVAL_MS);
            FakeSender.Sent ping = h.sender.sent.get(h.sender.sent.size() - 1);
            ping.tx().receiveResponse(SipResponses.create(ping.request(), round % 2 == 0 ? 200 : 405, null));
        }
        h.time.advance(RegistrarSettings.DEFAULT_PING_INTERVAL_MS - 1);

        assertEquals(1, h.registrar.bindingCount());
        assertEquals(0, h.registrar.pingsMissed());
        assertEquals(5, h.registrar.pingsSent(), "one ping per interval, each answered before the next");
        assertTrue(h.publisher.of(RepUnreachable.class).isEmpty());
    }

    @Test
    void shouldRemoveABindingAfterItsPingsTimeOutAndMakeTheRepUnreachable() {
        h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20:5060>"));
        h.registrar.start();

        // ping at 30 s times out at 62 s (miss 1); the tick at 60 s skips it; ping at 90 s times out at 122 s.
        h.time.advance(121_999);
        assertEquals(1, h.registrar.bindingCount());
        assertEquals(2, h.sender.sent.size());
        h.time.advance(1);

        assertEquals(0, h.registrar.bindingCount());
        assertEquals(List.of(new RepUnreachable(T0 + 122_000, "rep-ava", "ping-timeout")),
                h.publisher.of(RepUnreachable.class));
        assertEquals(2, h.registrar.pingsMissed());
    }

    @Test
    void shouldForgiveAMissWhenTheNextPingIsAnswered() {
        RegistrarHarness one = new RegistrarHarness(RegistrarSettings.DEFAULTS.withPings(30_000, 2),
                DefenceSettings.DEFAULTS);
        one.registerOk(one.register().contact("<sip:ava.chen@10.1.1.20:5060>"));
        one.registrar.start();
        one.time.advance(62_000); // first ping missed
        one.time.advance(28_000); // second ping sent at 90 s
        FakeSender.Sent second = one.sender.sent.get(1);
        second.tx().receiveResponse(SipResponses.create(second.request(), 200, null));

        one.time.advance(62_000); // third ping at 120 s times out at 152 s: a first miss again, not a second

        assertEquals(1, one.registrar.bindingCount());
    }

    @Test
    void shouldCountAPingThatCannotBeSentAsAMiss() {
        RegistrarHarness once = new RegistrarHarness(RegistrarSettings.DEFAULTS.withPings(10_000, 1),
                DefenceSettings.DEFAULTS);
        once.registerWithPassword(once.register().contact("<sip:ava.chen@10.1.1.20:5060;transport=tcp>"),
                "demo-ava.chen", PHONE, SipTransport.TCP);
        once.sender.failing = true;
        once.registrar.start();

        once.time.advance(10_000);

        assertEquals(0, once.registrar.bindingCount());
        assertEquals(1, once.registrar.pingsMissed());
        assertEquals(List.of(new RepUnreachable(T0 + 10_000, "rep-ava", "ping-timeout")),
                once.publisher.of(RepUnreachable.class));
    }

    @Test
    void shouldStopPingingWhenClosed() {
        h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20:5060>"));
        h.registrar.start();
        h.registrar.close();

        h.time.advance(300_000);

        assertTrue(h.sender.sent.isEmpty());
    }
}
