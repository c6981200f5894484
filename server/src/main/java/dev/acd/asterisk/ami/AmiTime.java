package dev.acd.asterisk.ami;

import org.asteriskjava.manager.event.ManagerEvent;

import dev.acd.core.time.Clock;

/**
 * An AMI event's time in epoch milliseconds: Asterisk's own {@code Timestamp} header (seconds with microseconds,
 * sent with {@code timestampevents = yes} in manager.conf), else the time it was read.
 */
final class AmiTime {
    private AmiTime() {
    }

    static long of(ManagerEvent event, Clock clock) {
        Double seconds = event.getTimestamp();
        return seconds == null ? clock.millis() : Math.round(seconds * 1000);
    }
}
