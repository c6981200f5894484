package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;
import java.util.ArrayList;
import java.util.List;

/** A sender that records what was sent and when, by the scheduler's clock. */
final class Wire implements MessageSender {
    record Sent(long atMs, SipMessage message) {
    }

    private final ManualScheduler clock;
    final List<Sent> sent = new ArrayList<>();

    Wire(ManualScheduler clock) {
        this.clock = clock;
    }

    @Override
    public void send(SipMessage message) {
        sent.add(new Sent(clock.now(), message));
    }

    List<Long> times() {
        return sent.stream().map(Sent::atMs).toList();
    }

    List<Integer> statuses() {
        return sent.stream().map(s -> s.message().statusCode()).toList();
    }

    SipMessage last() {
        return sent.get(sent.size() - 1).message();
    }

    int count() {
        return sent.size();
    }
}
