package dev.acd.core.event;

/**
 * A caller on a line with a DTMF menu was sent to a queue by the menu; comes after {@code CallArrived} and before
 * the {@code CallClassified} that names the same queue. Counts "how many pressed 2".
 *
 * @param digit   the key pressed ({@code "2"}), or null when the caller pressed nothing usable and got the default
 * @param queueId the queue chosen
 */
public record MenuChosen(long at, long callId, String digit, String queueId) implements Event, CallEvent {
}
