package dev.acd.core.event;

/**
 * A security event: the SIP gateway stopped accepting requests from a source address after too many failed
 * authentications; journaled once per block.
 *
 * @param address the blocked source IP address, as text
 * @param user    the user name of the failed attempt that triggered the block, or null when there was none
 * @param reason  what crossed the threshold, e.g. {@code "10 failed authentications from the address in 60 s"}
 * @param untilMs when the block ends, in milliseconds since the epoch
 */
public record SourceBlocked(long at, String address, String user, String reason, long untilMs) implements Event {
}
