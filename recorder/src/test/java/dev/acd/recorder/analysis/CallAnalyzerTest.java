package dev.acd.recorder.analysis;

import static dev.acd.recorder.analysis.SyntheticCall.CUSTOMER;
import static dev.acd.recorder.analysis.SyntheticCall.REP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavWriter;

/** The analysis of synthesised calls whose true segments are known: every measure within 100 ms of the truth. */
class CallAnalyzerTest {
    private static final long TOLERANCE_MS = 100;
    private static final double REP_PITCH_HZ = 120;
    private static final double CUSTOMER_PITCH_HZ = 210;

    @TempDir
    Path dir;

    private final CallAnalyzer analyzer = new CallAnalyzer();

    /**
     * A minute of sales call: rep greeting, short exchanges, a long customer turn of two utterances, a rep monologue
     * of three utterances (14.7 to 27.9 s), the customer interrupting it (0.8 s of overtalk), 7 s of dead air, the
     * rep interrupting the customer (0.4 s), and silence after the last words.
     */
    private static SyntheticCall conversation(int rate, long seed, double customerDbfs, double repDbfs) {
        SyntheticCall call = new SyntheticCall(rate, 60_000, seed);
        call.say(REP, 1_000, 3_400, repDbfs, REP_PITCH_HZ)
                .say(CUSTOMER, 4_000, 6_200, customerDbfs, CUSTOMER_PITCH_HZ)
                .say(REP, 6_800, 9_000, repDbfs, REP_PITCH_HZ)
                .say(CUSTOMER, 9_600, 11_500, customerDbfs, CUSTOMER_PITCH_HZ)
                .say(CUSTOMER, 12_100, 14_000, customerDbfs, CUSTOMER_PITCH_HZ)
                .say(REP, 14_700, 18_000, repDbfs, REP_PITCH_HZ)
                .say(REP, 18_600, 22_500, repDbfs, REP_PITCH_HZ)
                .say(REP, 23_100, 27_900, repDbfs, REP_PITCH_HZ)
                .say(CUSTOMER, 27_100, 29_500, customerDbfs, CUSTOMER_PITCH_HZ)
                .say(REP, 36_500, 39_000, repDbfs, REP_PITCH_HZ)
                .say(CUSTOMER, 39_500, 41_000, customerDbfs, CUSTOMER_PITCH_HZ)
                .say(REP, 40_600, 43_000, repDbfs, REP_PITCH_HZ)
                .say(CUSTOMER, 43_600, 47_000, customerDbfs, CUSTOMER_PITCH_HZ)
                .say(REP, 47_600, 52_000, repDbfs, REP_PITCH_HZ)
                .say(CUSTOMER, 52_500, 53_500, customerDbfs, CUSTOMER_PITCH_HZ);
        return call;
    }

    @ParameterizedTest(name = "{0} Hz, customer line {1} at {2} dBFS, rep line white at {3} dBFS")
    @CsvSource({"8000, white, -72, -66", "8000, white, -55, -50", "8000, white, -42, -44", "8000, rumble, -48, -60",
            "16000, white, -60, -52", "16000, rumble, -65, -46"})
    void shouldMeasureTalkOvertalkDeadAirAndMonologuesWithin100MsOfTheTruth(int rate, String customerLine,
                                                                             double customerNoise, double repNoise)
            throws IOException {
        SyntheticCall call = conversation(rate, 7, -24, -20).noise(REP, repNoise);
        if (customerLine.equals("rumble")) {
            call.rumble(CUSTOMER, customerNoise);
        } else {
            call.noise(CUSTOMER, customerNoise);
        }
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("call.wav")));

        assertMatchesTruth(call, analysis);
        ConversationMeasures m = analysis.conversation();
        assertEquals(1, m.deadAirCount(), "the 7 s pause: " + m);
        assertEquals(1, m.customerInterruptions(), m.toString());
        assertEquals(1, m.repInterruptions(), m.toString());
        assertWithin(13_200, m.longestRepMonologueMs(), "the rep's three-utterance monologue");
        assertFalse(analysis.audio().oneWayAudio());
        assertFalse(analysis.audio().rep().clipping());
        assertWithin(-22, analysis.audio().rep().speechLevelDbfs(), 3, "rep speech level (syllables 0 to 6 dB under -20)");
        assertWithin(repNoise, analysis.audio().rep().noiseFloorDbfs(), 4, "rep noise floor");
    }

    @Test
    void shouldAnalyseAUlawRecordingLikeItsPcmOriginal() throws IOException {
        SyntheticCall call = conversation(8_000, 3, -26, -22).noise(CUSTOMER, -58).noise(REP, -62);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("ulaw.wav"), WavEncoding.ULAW));
        assertEquals("ULAW", analysis.encoding());
        assertMatchesTruth(call, analysis);
    }

    @Test
    void shouldNotTakeTheRepLeakingIntoTheCustomerChannelForCustomerSpeech() throws IOException {
        SyntheticCall call = conversation(8_000, 11, -24, -18).noise(CUSTOMER, -70).noise(REP, -64)
                .leak(REP, CUSTOMER, -30, 40);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("echo.wav")));
        assertMatchesTruth(call, analysis);
    }

    @Test
    void shouldReportOneWayAudioWhenTheCustomerChannelCarriesOnlyLineNoise() throws IOException {
        SyntheticCall call = new SyntheticCall(8_000, 30_000, 5)
                .say(REP, 800, 3_000, -20, REP_PITCH_HZ)
                .say(REP, 8_000, 11_000, -20, REP_PITCH_HZ)
                .say(REP, 17_000, 19_000, -20, REP_PITCH_HZ)
                .noise(CUSTOMER, -48).noise(REP, -60);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("one-way.wav")));
        assertTrue(analysis.audio().oneWayAudio(), analysis.audio().toString());
        assertTrue(analysis.audio().customer().silent());
        assertFalse(analysis.audio().rep().silent());
        assertEquals(0, analysis.conversation().customerTalkMs());
        assertEquals(null, analysis.audio().customer().speechLevelDbfs());
        assertWithin(2_200 + 3_000 + 2_000, analysis.conversation().repTalkMs(), "rep talk");
    }

    @Test
    void shouldFlagClippingOnTheChannelThatClipsAndStillFindItsSpeech() throws IOException {
        SyntheticCall call = conversation(8_000, 13, -20, -14).noise(CUSTOMER, -60).noise(REP, -60).gain(REP, 3);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("clipped.wav")));
        assertTrue(analysis.audio().rep().clipping(), analysis.audio().toString());
        assertTrue(analysis.audio().rep().clippedSampleRatio() > 2 * AudioHealth.CLIPPING_RATIO, analysis.audio().toString());
        assertFalse(analysis.audio().customer().clipping(), analysis.audio().toString());
        assertEquals(0.0, analysis.audio().customer().clippedSampleRatio());
        assertMatchesTruth(call, analysis);
    }

    @Test
    void shouldFindNoSpeechInLineNoiseThatHumsAndStepsUpMidCall() throws IOException {
        SyntheticCall call = new SyntheticCall(8_000, 40_000, 17)
                .noise(CUSTOMER, -62).noise(CUSTOMER, -40, 15_000)
                .noise(REP, -45).hum(REP, -42, 50).rumble(REP, -44).hum(CUSTOMER, -60, 60);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("noise.wav")));
        assertEquals(java.util.List.of(), analysis.customerSegments());
        assertEquals(java.util.List.of(), analysis.repSegments());
        assertTrue(analysis.audio().customer().silent() && analysis.audio().rep().silent());
        assertFalse(analysis.audio().oneWayAudio(), "both silent is a dead line, not one-way audio");
        assertEquals(null, analysis.conversation().repFirstWordsMs());
    }

    @Test
    void shouldFindSpeechThatStartsWithTheRecordingAndRunsToItsEnd() throws IOException {
        SyntheticCall call = new SyntheticCall(8_000, 12_000, 19)
                .say(REP, 0, 2_500, -20, REP_PITCH_HZ)
                .say(CUSTOMER, 3_000, 6_000, -24, CUSTOMER_PITCH_HZ)
                .say(REP, 6_500, 12_000, -20, REP_PITCH_HZ)
                .noise(CUSTOMER, -50).noise(REP, -56);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("edges.wav")));
        assertMatchesTruth(call, analysis);
        assertEquals(0L, analysis.conversation().repFirstWordsMs());
        assertEquals(12_000, analysis.repSegments().get(1).endMs());
    }

    @Test
    void shouldKeepAMinuteLongMonologueAsOneTurnOverALoudLine() throws IOException {
        SyntheticCall call = new SyntheticCall(8_000, 90_000, 23).say(CUSTOMER, 1_000, 3_000, -24, CUSTOMER_PITCH_HZ);
        // Utterances of 5 to 9 s with breaths of 400 ms: the noise floor must not climb onto the speech.
        long t = 3_500;
        for (int i = 0; t < 75_000; i++) {
            long length = 5_000 + (i * 1_700) % 4_000;
            call.say(REP, t, t + length, -20, REP_PITCH_HZ);
            t += length + 400;
        }
        call.say(CUSTOMER, t + 500, t + 3_000, -24, CUSTOMER_PITCH_HZ).noise(CUSTOMER, -48).noise(REP, -42);
        CallAnalysis analysis = analyzer.analyze(call.write(dir.resolve("monologue.wav")));
        assertMatchesTruth(call, analysis);
        assertWithin(t - 400 - 3_500, analysis.conversation().longestRepMonologueMs(), "the minute-long monologue");
    }

    @Test
    void shouldRefuseAMonoRecordingSayingWhichChannelsItNeeds() throws IOException {
        Path mono = dir.resolve("mono.wav");
        try (WavWriter writer = WavWriter.create(mono, WavEncoding.PCM_16, 1, 8_000)) {
            writer.write(new short[1][800], 0, 800);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(mono));
        assertTrue(e.getMessage().startsWith(mono + ": a mono recording"), e.getMessage());
        assertTrue(e.getMessage().contains("customer on the left channel and the rep on the right"), e.getMessage());
    }

    private static void assertMatchesTruth(SyntheticCall call, CallAnalysis analysis) {
        ConversationMeasures truth = ConversationMeasures.of(call.truth(CUSTOMER), call.truth(REP),
                call.durationMs(), analysis.deadAirMinMs());
        ConversationMeasures m = analysis.conversation();
        String detected = "\ncustomer " + analysis.customerSegments() + "\nrep " + analysis.repSegments();
        assertEquals(call.durationMs(), analysis.durationMs());
        assertEquals(call.truth(CUSTOMER).size(), analysis.customerSegments().size(), "customer segments" + detected);
        assertEquals(call.truth(REP).size(), analysis.repSegments().size(), "rep segments" + detected);
        assertWithin(truth.customerTalkMs(), m.customerTalkMs(), "customer talk" + detected);
        assertWithin(truth.repTalkMs(), m.repTalkMs(), "rep talk" + detected);
        assertWithin(truth.overtalkTotalMs(), m.overtalkTotalMs(), "overtalk" + detected);
        assertEquals(truth.deadAirCount(), m.deadAirCount(), "dead air count" + detected);
        assertWithin(truth.deadAirTotalMs(), m.deadAirTotalMs(), "dead air" + detected);
        assertWithin(truth.longestRepMonologueMs(), m.longestRepMonologueMs(), "rep monologue" + detected);
        assertWithin(truth.longestCustomerTurnMs(), m.longestCustomerTurnMs(), "customer turn" + detected);
        assertNotNull(m.repFirstWordsMs());
        assertWithin(truth.repFirstWordsMs(), m.repFirstWordsMs(), "rep's first words" + detected);
        assertEquals(truth.turnCount(), m.turnCount(), "turns" + detected);
        assertEquals(truth.repInterruptions(), m.repInterruptions(), "rep interruptions" + detected);
        assertEquals(truth.customerInterruptions(), m.customerInterruptions(), "customer interruptions" + detected);
    }

    private static void assertWithin(long expected, long actual, String what) {
        assertTrue(Math.abs(expected - actual) <= TOLERANCE_MS,
                what + ": expected " + expected + " ms +- " + TOLERANCE_MS + ", detected " + actual);
    }

    private static void assertWithin(double expected, Double actual, double tolerance, String what) {
        assertNotNull(actual, what);
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": expected " + expected + " +- " + tolerance + ", got " + actual);
    }
}
