package dev.acd.api.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;

/**
 * Every call's detail record, built from the journal in arrival order and kept in memory (a few hundred bytes a call;
 * the oldest are dropped past {@code maxCalls}). Runs on the live thread only.
 */
public final class CdrIndex {
    /** A page of CDRs, newest first, and how many matched in all. */
    public record Page(long total, long offset, int limit, List<Cdr.View> items) {
    }

    private final LinkedHashMap<Long, Cdr> calls = new LinkedHashMap<>();
    private final int maxCalls;

    public CdrIndex(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    public Cdr find(long callId) {
        return calls.get(callId);
    }

    public void apply(Event event) {
        if (event instanceof CallArrived e) {
            Cdr cdr = calls.computeIfAbsent(e.callId(), id -> new Cdr(id, e.at()));
            cdr.direction = e.direction();
            cdr.from = e.from();
            cdr.to = e.to();
            cdr.lineId = e.lineId();
            if (e.direction() == Direction.OUTBOUND && e.repId() != null) {
                cdr.reps.add(e.repId());
            }
            trim();
        } else if (event instanceof CallClassified e) {
            with(e.callId(), e.at(), c -> {
                c.segment = e.segment();
                c.customerId = e.customerId();
                if (c.queueId == null) {
                    c.queueId = e.queueId();
                }
            });
        } else if (event instanceof CallQueued e) {
            with(e.callId(), e.at(), c -> {
                if (c.queuedAt == 0) {
                    c.queuedAt = e.at();
                    c.queueId = e.queueId();
                }
            });
        } else if (event instanceof CallAnswered e) {
            with(e.callId(), e.at(), c -> {
                if (c.answeredAt == 0) {
                    c.answeredAt = e.at();
                }
                c.reps.add(e.repId());
                c.result = Cdr.Result.ANSWERED;
            });
        } else if (event instanceof CallEnded e) {
            with(e.callId(), e.at(), c -> {
                c.endedAt = e.at();
                if (c.result == Cdr.Result.IN_PROGRESS) {
                    c.result = c.answeredAt > 0 || c.direction == Direction.OUTBOUND ? Cdr.Result.ANSWERED
                            : Cdr.Result.UNANSWERED;
                }
            });
        } else if (event instanceof CallAbandoned e) {
            ended(e.callId(), e.at(), Cdr.Result.ABANDONED);
        } else if (event instanceof CallbackRequested e) {
            ended(e.callId(), e.at(), Cdr.Result.CALLBACK);
        } else if (event instanceof MaxWaitReached e && e.action() != MaxWaitAction.OVERFLOW) {
            ended(e.callId(), e.at(), e.action() == MaxWaitAction.CALLBACK ? Cdr.Result.CALLBACK
                    : Cdr.Result.MAX_WAIT);
        } else if (event instanceof DispositionRecorded e) {
            with(e.callId(), e.at(), c -> {
                c.outcome = e.outcome();
                c.revenueCents = e.revenueCents();
                c.note = e.note();
                c.dispositionBy = e.repId();
            });
        } else if (event instanceof RecordingReady e) {
            with(e.callId(), e.at(), c -> {
                c.recordingPath = e.path();
                c.recordingMs = e.durationMs();
            });
        } else if (event instanceof QaScored e) {
            with(e.callId(), e.at(), c -> c.qaScore = e.score());
        }
    }

    /** The CDRs that match, newest first, {@code limit} of them from {@code offset}. */
    public Page page(CdrFilter filter, long offset, int limit) {
        List<Cdr> matching = new ArrayList<>();
        for (Cdr cdr : calls.values()) {
            if (filter.matches(cdr)) {
                matching.add(cdr);
            }
        }
        List<Cdr.View> items = new ArrayList<>();
        for (int i = matching.size() - 1 - (int) Math.min(offset, matching.size()); i >= 0 && items.size() < limit;
             i--) {
            items.add(matching.get(i).view());
        }
        return new Page(matching.size(), offset, limit, items);
    }

    /** A customer's calls other than {@code exceptCallId}, newest first, at most {@code limit} (a customer card). */
    public List<Cdr.View> forCustomer(String customerId, long exceptCallId, int limit) {
        List<Cdr> matching = new ArrayList<>();
        for (Cdr cdr : calls.values()) {
            if (customerId.equals(cdr.customerId) && cdr.callId != exceptCallId) {
                matching.add(cdr);
            }
        }
        List<Cdr.View> items = new ArrayList<>();
        for (int i = matching.size() - 1; i >= 0 && items.size() < limit; i--) {
            items.add(matching.get(i).view());
        }
        return items;
    }

    private void ended(long callId, long at, Cdr.Result result) {
        with(callId, at, c -> {
            if (c.endedAt == 0) {
                c.endedAt = at;
            }
            c.result = result;
        });
    }

    private void with(long callId, long at, java.util.function.Consumer<Cdr> how) {
        how.accept(calls.computeIfAbsent(callId, id -> new Cdr(id, at)));
    }

    private void trim() {
        Iterator<Map.Entry<Long, Cdr>> oldest = calls.entrySet().iterator();
        while (calls.size() > maxCalls && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
