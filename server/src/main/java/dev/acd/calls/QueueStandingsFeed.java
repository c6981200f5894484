package dev.acd.calls;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.time.Clock;
import dev.acd.sip.prompt.QueueStanding;
import dev.acd.sip.prompt.QueueStandings;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Keeps a {@link QueueStandingsProjection} up to date from the journal on its own thread ("queue-standings"), and
 * answers call control's announcements from it with the server clock's time. Follows events appended after it
 * starts: after a restart every call is new (recovery ends the old ones), and wait estimates return once a few
 * calls have been answered.
 */
public final class QueueStandingsFeed implements QueueStandings, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueStandingsFeed.class);
    /** How often the journal is read; an announcement's position is at most this much older than the journal. */
    static final long TAIL_EVERY_MS = 20;

    private final DefaultEventExecutor thread =
            new DefaultEventExecutor(new DefaultThreadFactory("queue-standings", true));
    private final QueueStandingsProjection projection = new QueueStandingsProjection();
    private final Clock clock;
    private final JournalReader reader;
    private final ScheduledFuture<?> tail;

    private QueueStandingsFeed(Journal journal, Clock clock) {
        this.clock = clock;
        this.reader = thread.submit(journal::readFromEnd).syncUninterruptibly().getNow();
        this.tail = thread.scheduleWithFixedDelay(this::readNew, 0, TAIL_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts following {@code journal} from its end. */
    public static QueueStandingsFeed start(Journal journal, Clock clock) {
        return new QueueStandingsFeed(journal, clock);
    }

    private void readNew() {
        try {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                projection.apply(event);
            }
        } catch (RuntimeException e) {
            // one bad excerpt must not silence every later announcement
            LOG.error("queue standings: reading the journal failed", e);
        }
    }

    @Override
    public QueueStanding standingOf(long callId) {
        return projection.standingAt(callId, clock.millis());
    }

    /** The projection, for tests. */
    QueueStandingsProjection projection() {
        return projection;
    }

    @Override
    public void close() {
        tail.cancel(false);
        thread.submit(reader::close).awaitUninterruptibly(1_000);
        thread.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }
}
