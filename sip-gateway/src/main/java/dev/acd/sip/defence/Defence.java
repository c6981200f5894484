package dev.acd.sip.defence;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.SourceBlocked;
import dev.acd.core.time.Clock;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts failed authentications per source address and per user name in a sliding window and blocks a source past
 * a threshold for a while, publishing one {@link SourceBlocked} per block. The request path asks
 * {@link #admit(InetAddress)} before doing any work for a request and drops it silently when refused.
 *
 * <p>Memory is bounded by the settings: tracked addresses and users are forgotten least recently failing first,
 * blocks ending first are lifted first when the table is full. Thread-safe (one lock held for a few map
 * operations); events are published outside the lock.
 */
public final class Defence {
    private final DefenceSettings settings;
    private final Clock clock;
    private final EventPublisher publisher;
    private final Map<InetAddress, FailureWindow> sources;
    private final Map<String, FailureWindow> users;
    private final Map<InetAddress, Block> blocks = new LinkedHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failures = new LongAdder();

    private static final class Block {
        final long untilMs;
        long dropped;

        Block(long untilMs) {
            this.untilMs = untilMs;
        }
    }

    public Defence(DefenceSettings settings, Clock clock, EventPublisher publisher) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.sources = lru(settings.maxTrackedSources());
        this.users = lru(settings.maxTrackedUsers());
    }

    /**
     * True when requests from {@code source} may be processed; false when it is blocked, in which case the request
     * is counted as dropped and the caller drops it without an answer.
     */
    public boolean admit(InetAddress source) {
        long now = clock.millis();
        synchronized (this) {
            Block block = activeBlock(source, now);
            if (block == null) {
                return true;
            }
            block.dropped++;
        }
        dropped.increment();
        return false;
    }

    /** True while {@code source} is blocked; counts nothing. */
    public synchronized boolean isBlocked(InetAddress source) {
        return activeBlock(source, clock.millis()) != null;
    }

    /**
     * A request from {@code source} failed authentication (wrong password, unknown user, forged or replayed nonce,
     * broken credentials); {@code user} is the user name it claimed, or null. May block the source.
     *
     * @return true when this failure blocked the source
     */
    public boolean authenticationFailed(InetAddress source, String user) {
        failures.increment();
        long now = clock.millis();
        SourceBlocked event;
        synchronized (this) {
            if (activeBlock(source, now) != null) {
                return false;
            }
            boolean sourceOver = window(sources, source, settings.maxFailuresPerSource())
                    .add(now, settings.windowMs());
            boolean userOver = user != null && window(users, user, settings.maxFailuresPerUser())
                    .add(now, settings.windowMs());
            if (!sourceOver && !userOver) {
                return false;
            }
            String reason = sourceOver
                    ? settings.maxFailuresPerSource() + " failed authentications from the address in "
                            + seconds(settings.windowMs())
                    : "more than " + settings.maxFailuresPerUser() + " failed authentications for user " + user
                            + " in " + seconds(settings.windowMs());
            long until = now + settings.blockMs();
            makeRoomForBlock(now);
            blocks.put(source, new Block(until));
            sources.remove(source);
            event = new SourceBlocked(now, source.getHostAddress(), user, reason, until);
        }
        publisher.publish(event);
        return true;
    }

    /** Requests dropped because their source was blocked, since start. */
    public long droppedRequests() {
        return dropped.sum();
    }

    /** Failed authentications reported, since start. */
    public long failedAuthentications() {
        return failures.sum();
    }

    /** Sources blocked now. */
    public synchronized int blockedSources() {
        long now = clock.millis();
        blocks.values().removeIf(b -> b.untilMs <= now);
        return blocks.size();
    }

    /** Addresses and users whose failures are remembered now (bounded by the settings). */
    public synchronized int trackedKeys() {
        return sources.size() + users.size();
    }

    public DefenceSettings settings() {
        return settings;
    }

    private Block activeBlock(InetAddress source, long now) {
        Block block = blocks.get(source);
        if (block != null && block.untilMs <= now) {
            blocks.remove(source);
            return null;
        }
        return block;
    }

    private void makeRoomForBlock(long now) {
        if (blocks.size() < settings.maxBlockedSources()) {
            return;
        }
        blocks.values().removeIf(b -> b.untilMs <= now);
        if (blocks.size() < settings.maxBlockedSources()) {
            return;
        }
        InetAddress endingFirst = null;
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<InetAddress, Block> e : blocks.entrySet()) {
            if (e.getValue().untilMs < earliest) {
                earliest = e.getValue().untilMs;
                endingFirst = e.getKey();
            }
        }
        blocks.remove(endingFirst);
    }

    private static <K> FailureWindow window(Map<K, FailureWindow> map, K key, int threshold) {
        return map.computeIfAbsent(key, k -> new FailureWindow(threshold));
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static <K> Map<K, FailureWindow> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, FailureWindow> eldest) {
                return size() > capacity;
            }
        };
    }
}
