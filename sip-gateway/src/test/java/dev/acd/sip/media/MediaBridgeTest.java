package dev.acd.sip.media;

import dev.acd.testkit.Tones;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.sdp.Codec;
import dev.acd.sip.sdp.MediaDirection;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MediaBridgeTest {
    private static final int FRAMES = 25;
    private final MediaFixture media = new MediaFixture(0);

    @AfterEach
    void tearDown() {
        media.close();
    }

    /** Keeps copies of what the bridge hands over for recording. */
    static final class CollectingTap implements MediaTap {
        final List<short[]> caller = new CopyOnWriteArrayList<>();
        final List<short[]> rep = new CopyOnWriteArrayList<>();
        final List<Boolean> holds = new CopyOnWriteArrayList<>();

        @Override
        public void callerFrame(long timeMs, short[] samples) {
            caller.add(samples.clone());
        }

        @Override
        public void repFrame(long timeMs, short[] samples) {
            rep.add(samples.clone());
        }

        @Override
        public void hold(boolean onHold, long timeMs) {
            holds.add(onHold);
        }
    }

    private static InetSocketAddress target(RtpEndpoint e) {
        return new InetSocketAddress("127.0.0.1", e.localPort());
    }

    private static short[] join(List<short[]> frames) {
        short[] all = new short[frames.size() * 160];
        for (int i = 0; i < frames.size(); i++) {
            System.arraycopy(frames.get(i), 0, all, i * 160, 160);
        }
        return all;
    }

    /** Receives up to {@code count} packets and decodes their audio. */
    private static List<short[]> receiveAudio(TestPhone phone, int count, int payloadType, boolean ulaw)
            throws Exception {
        List<short[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DatagramPacket p = phone.receive();
            assertNotNull(p, "packet " + i + " of " + count + " did not arrive");
            assertEquals(payloadType, TestPhone.payloadType(p));
            frames.add(TestPhone.decode(TestPhone.payload(p), ulaw));
        }
        return frames;
    }

    @Test
    void shouldDeliverEachSidesToneToTheOtherWhenOneLegIsPcmuAndTheOtherPcma() throws Exception {
        try (TestPhone customer = new TestPhone(11); TestPhone rep = new TestPhone(22)) {
            RtpEndpoint callerLeg = media.open();
            RtpEndpoint repLeg = media.open();
            callerLeg.configure(Codec.PCMU, 0, 101, customer.address(), MediaDirection.SENDRECV);
            repLeg.configure(Codec.PCMA, 8, 101, rep.address(), MediaDirection.SENDRECV);
            CollectingTap tap = new CollectingTap();
            media.run(() -> MediaBridge.connect(callerLeg, repLeg, tap, null));

            byte[][] oneKhz = TestPhone.toneFrames(1000, FRAMES, true);
            byte[][] twoKhz = TestPhone.toneFrames(2000, FRAMES, false);
            for (int i = 0; i < FRAMES; i++) {
                customer.sendAudio(target(callerLeg), 0, oneKhz[i]);
                rep.sendAudio(target(repLeg), 8, twoKhz[i]);
            }

            short[] repHeard = join(receiveAudio(rep, FRAMES, 8, false));
            short[] customerHeard = join(receiveAudio(customer, FRAMES, 0, true));
            assertTrue(Tones.dominates(repHeard, 1000, 2000), "the rep hears the customer's 1 kHz");
            assertTrue(Tones.dominates(customerHeard, 2000, 1000), "the customer hears the rep's 2 kHz");

            await().until(() -> tap.caller.size() == FRAMES && tap.rep.size() == FRAMES);
            assertTrue(Tones.dominates(join(tap.caller), 1000, 2000), "the tap's caller side is 1 kHz");
            assertTrue(Tones.dominates(join(tap.rep), 2000, 1000), "the tap's rep side is 2 kHz");
        }
    }

    @Test
    void shouldPassPayloadThroughUnchangedWhenBothLegsUseTheSameCodec() throws Exception {
        try (TestPhone customer = new TestPhone(11); TestPhone rep = new TestPhone(22)) {
            RtpEndpoint callerLeg = media.open();
            RtpEndpoint repLeg = media.open();
            callerLeg.configure(Codec.PCMU, 0, -1, customer.address(), MediaDirection.SENDRECV);
            repLeg.configure(Codec.PCMU, 96, -1, rep.address(), MediaDirection.SENDRECV);
            media.run(() -> MediaBridge.connect(callerLeg, repLeg, null, null));

            byte[] frame = TestPhone.toneFrames(1000, 1, true)[0];
            customer.sendAudio(target(callerLeg), 0, frame);
            customer.sendAudio(target(callerLeg), 0, frame);

            DatagramPacket first = rep.receive();
            DatagramPacket second = rep.receive();
            assertEquals(96, TestPhone.payloadType(first), "the rep's leg's own payload type for PCMU");
            assertArrayEquals(frame, TestPhone.payload(first));
            assertEquals((TestPhone.timestamp(first) + 160) & 0xFFFFFFFFL, TestPhone.timestamp(second));
        }
    }

    @Test
    void shouldReportEachDigitOnceAndPassItOnWhenTheCallerPressesKeys() throws Exception {
        try (TestPhone customer = new TestPhone(11); TestPhone rep = new TestPhone(22)) {
            RtpEndpoint callerLeg = media.open();
            RtpEndpoint repLeg = media.open();
            callerLeg.configure(Codec.PCMU, 0, 101, customer.address(), MediaDirection.SENDRECV);
            repLeg.configure(Codec.PCMA, 8, 96, rep.address(), MediaDirection.SENDRECV);
            List<String> digits = new CopyOnWriteArrayList<>();
            media.run(() -> MediaBridge.connect(callerLeg, repLeg, null,
                    (from, digit, durationMs) -> digits.add(digit + "/" + durationMs + "/"
                            + (from == callerLeg ? "caller" : "rep"))));

            customer.sendDigit(target(callerLeg), 101, '5');
            customer.sendDigit(target(callerLeg), 101, '#');
            await().until(() -> callerLeg.counters().packetsIn() == 12);

            assertEquals(List.of("5/100/caller", "#/100/caller"), digits);
            for (int i = 0; i < 12; i++) {
                DatagramPacket p = rep.receive();
                assertNotNull(p, "telephone-event packet " + i + " passed on");
                assertEquals(96, TestPhone.payloadType(p), "under the rep leg's telephone-event payload type");
            }
        }
    }

    @Test
    void shouldStopRelayingAndMarkTheTapWhileOnHold() throws Exception {
        try (TestPhone customer = new TestPhone(11); TestPhone rep = new TestPhone(22)) {
            RtpEndpoint callerLeg = media.open();
            RtpEndpoint repLeg = media.open();
            callerLeg.configure(Codec.PCMU, 0, -1, customer.address(), MediaDirection.SENDRECV);
            repLeg.configure(Codec.PCMU, 0, -1, rep.address(), MediaDirection.SENDRECV);
            CollectingTap tap = new CollectingTap();
            MediaBridge bridge = media.onLoop(() -> MediaBridge.connect(callerLeg, repLeg, tap, null));

            media.run(() -> bridge.hold(true));
            customer.sendAudio(target(callerLeg), 0, new byte[160]);
            await().until(() -> callerLeg.counters().packetsIn() == 1);
            media.run(() -> bridge.hold(false));
            customer.sendAudio(target(callerLeg), 0, new byte[160]);
            await().until(() -> callerLeg.counters().packetsIn() == 2);

            await().until(() -> repLeg.counters().packetsOut() == 1);
            assertEquals(List.of(true, false), tap.holds);
            assertEquals(1, tap.caller.size(), "the frame sent during hold is not recorded");
        }
    }
}
