package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every RFC 3261 section 17 transaction has: its request, key, state, named timers and a sender. Runs on the
 * one event loop its scheduler belongs to; not thread-safe.
 */
public abstract class Transaction {
    private final SipMessage request;
    private final TransactionKey key;
    private final boolean reliable;
    private final TimerSettings timers;
    private final TransactionScheduler scheduler;
    private final MessageSender sender;
    private final Map<TransactionTimer, TransactionScheduler.Cancellable> running = new EnumMap<>(TransactionTimer.class);
    private Consumer<Transaction> onTerminated = t -> { };
    private TransactionState state;

    Transaction(SipMessage request, TransactionKey key, TransactionState initial, boolean reliable,
            TimerSettings timers, TransactionScheduler scheduler, MessageSender sender) {
        this.request = request;
        this.key = key;
        this.state = initial;
        this.reliable = reliable;
        this.timers = timers;
        this.scheduler = scheduler;
        this.sender = sender;
    }

    /** The request that created the transaction. */
    public SipMessage request() {
        return request;
    }

    public TransactionKey key() {
        return key;
    }

    public TransactionState state() {
        return state;
    }

    /** True when {@code timer} is scheduled and has not fired. */
    public boolean isRunning(TransactionTimer timer) {
        return running.containsKey(timer);
    }

    boolean reliable() {
        return reliable;
    }

    TimerSettings timers() {
        return timers;
    }

    void send(SipMessage message) {
        sender.send(message);
    }

    void state(TransactionState next) {
        state = next;
        if (next == TransactionState.TERMINATED) {
            running.values().forEach(TransactionScheduler.Cancellable::cancel);
            running.clear();
            onTerminated.accept(this);
        }
    }

    /** Called once when the transaction terminates; the transaction layer forgets it there. */
    void onTerminated(Consumer<Transaction> callback) {
        this.onTerminated = callback;
    }

    /** Starts (or restarts) a timer; a zero delay (reliable transports) fires it at once. */
    void start(TransactionTimer timer, long delayMs) {
        cancel(timer);
        if (delayMs <= 0) {
            fire(timer);
            return;
        }
        running.put(timer, scheduler.schedule(delayMs, () -> {
            running.remove(timer);
            if (state != TransactionState.TERMINATED) {
                fire(timer);
            }
        }));
    }

    void cancel(TransactionTimer timer) {
        TransactionScheduler.Cancellable c = running.remove(timer);
        if (c != null) {
            c.cancel();
        }
    }

    /** What the transaction does when {@code timer} fires, per its RFC figure. */
    abstract void fire(TransactionTimer timer);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + key + ", " + state + "]";
    }
}
