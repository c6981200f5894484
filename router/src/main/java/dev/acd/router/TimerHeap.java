package dev.acd.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The router's timers: a binary heap of {@link Timed} owners, ordered by due time then scheduling order, where each
 * owner knows its position. Rescheduling or cancelling is O(log n), so nothing stale piles up (a timer-per-event
 * queue would keep every answered call's tier and max-wait timers until they came due). Router thread only.
 */
final class TimerHeap {
    private static final Comparator<Timed> ORDER =
            Comparator.<Timed>comparingLong(t -> t.dueAt).thenComparingLong(t -> t.seq);

    private Timed[] heap = new Timed[256];
    private int size;
    private long seq;

    /** Sets the owner's one timer to {@code dueAt}, replacing any it had. */
    void schedule(Timed owner, long dueAt) {
        cancel(owner);
        owner.dueAt = dueAt;
        owner.seq = seq++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = owner;
        owner.heapIndex = size;
        size++;
        siftUp(owner.heapIndex);
    }

    void cancel(Timed owner) {
        int at = owner.heapIndex;
        if (at < 0) {
            return;
        }
        size--;
        Timed last = heap[size];
        heap[size] = null;
        owner.heapIndex = -1;
        if (last != owner) {
            heap[at] = last;
            last.heapIndex = at;
            siftDown(at);
            siftUp(last.heapIndex);
        }
    }

    /** Removes and returns the owner whose timer is due at or before {@code now}, earliest first; null if none. */
    Timed pollDue(long now) {
        if (size == 0 || heap[0].dueAt > now) {
            return null;
        }
        Timed first = heap[0];
        cancel(first);
        return first;
    }

    /** The pending timers' owners in firing order (a copy). */
    List<Timed> pending() {
        List<Timed> pending = new ArrayList<>(Arrays.asList(heap).subList(0, size));
        pending.sort(ORDER);
        return pending;
    }

    int size() {
        return size;
    }

    private boolean before(Timed a, Timed b) {
        return a.dueAt != b.dueAt ? a.dueAt < b.dueAt : a.seq < b.seq;
    }

    private void siftUp(int at) {
        Timed moving = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(moving, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            heap[at].heapIndex = at;
            at = parent;
        }
        heap[at] = moving;
        moving.heapIndex = at;
    }

    private void siftDown(int at) {
        Timed moving = heap[at];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], moving)) {
                break;
            }
            heap[at] = heap[child];
            heap[at].heapIndex = at;
            at = child;
        }
        heap[at] = moving;
        moving.heapIndex = at;
    }
}
