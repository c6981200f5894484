package dev.acd.demo;

import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RepPickup} from the journal: a {@code CallArrived} ties the server's call id to the caller's number, and a
 * {@code CallAnswered} of that call tells the caller's watcher. The demo's customers never have two live calls from
 * one number, so the number identifies the call. Thread-safe.
 */
public final class JournalPickup implements RepPickup {
    private final Map<Long, String> callerByCall = new HashMap<>();
    private final Map<String, List<Runnable>> watchers = new HashMap<>();

    @Override
    public synchronized Watch watch(String callerNumber, Runnable onPickedUp) {
        String digits = CustomerDirectory.digits(callerNumber);
        watchers.computeIfAbsent(digits, d -> new ArrayList<>()).add(onPickedUp);
        return () -> unwatch(digits, onPickedUp);
    }

    private synchronized void unwatch(String digits, Runnable onPickedUp) {
        List<Runnable> list = watchers.get(digits);
        if (list != null && list.remove(onPickedUp) && list.isEmpty()) {
            watchers.remove(digits);
        }
    }

    /** Feeds one journal event, in journal order. */
    public void onEvent(Event event) {
        List<Runnable> toRun = List.of();
        synchronized (this) {
            if (event instanceof CallArrived arrived && arrived.from() != null) {
                callerByCall.put(arrived.callId(), CustomerDirectory.digits(arrived.from()));
            } else if (event instanceof CallAnswered answered) {
                String digits = callerByCall.get(answered.callId());
                List<Runnable> list = digits == null ? null : watchers.remove(digits);
                if (list != null) {
                    toRun = list;
                }
            }
            if (isOver(event)) {
                callerByCall.remove(((CallEvent) event).callId());
            }
        }
        toRun.forEach(Runnable::run);
    }

    private static boolean isOver(Event event) {
        return event instanceof dev.acd.core.event.CallEnded || event instanceof dev.acd.core.event.CallAbandoned;
    }
}
