package dev.acd.recorder.analysis;

import java.util.List;

/**
 * Everything the automatic QA measures in one stereo recording (customer left, rep right).
 *
 * @param deadAirMinMs the pause length from which silence counted as dead air
 */
public record CallAnalysis(long durationMs, int sampleRateHz, String encoding, long deadAirMinMs,
                           ConversationMeasures conversation, AudioHealth audio,
                           List<SpeechSegment> customerSegments, List<SpeechSegment> repSegments) {
    public CallAnalysis {
        customerSegments = List.copyOf(customerSegments);
        repSegments = List.copyOf(repSegments);
    }
}
