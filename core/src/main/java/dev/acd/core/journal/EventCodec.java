package dev.acd.core.journal;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackOffered;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.Explanation;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.PassedOver;
import dev.acd.core.event.PassedOverWhy;
import dev.acd.core.event.QaCriterionScore;
import dev.acd.core.event.MediaFailed;
import dev.acd.core.event.MenuChosen;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaReviewReason;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.RepUnreachable;
import dev.acd.core.event.Rule;
import dev.acd.core.event.SourceBlocked;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TierWidened;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.Trigger;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.acd.core.journal.Fields.readBoolean;
import static dev.acd.core.journal.Fields.readCount;
import static dev.acd.core.journal.Fields.readEnum;
import static dev.acd.core.journal.Fields.readInt;
import static dev.acd.core.journal.Fields.readPresence;
import static dev.acd.core.journal.Fields.readString;
import static dev.acd.core.journal.Fields.writeBoolean;
import static dev.acd.core.journal.Fields.writeCount;
import static dev.acd.core.journal.Fields.writeEnum;
import static dev.acd.core.journal.Fields.writeInt;
import static dev.acd.core.journal.Fields.writePresence;
import static dev.acd.core.journal.Fields.writeString;

/**
 * The binary form of every {@link Event}: a format version byte, a type tag byte, the event's {@code at} as a
 * stop-bit long, then the record's other components in declaration order (layout in {@code docs/journal.md}).
 *
 * <p>Stateless and thread-safe. Encoding writes straight into the caller's bytes with no intermediate buffer.
 * Java 17 has no pattern switch over sealed types, so completeness is checked when this class loads: an event type
 * without a codec makes class initialisation fail naming the type (and the codec tests fail first).
 */
public final class EventCodec {
    /** The format version written as the first byte of every record; bump it when the layout changes. */
    public static final byte FORMAT_VERSION = 1;

    /** Tags at or above this value are router decisions, so a replay that skips decisions can tell from the tag. */
    public static final int FIRST_DECISION_TAG = 32;

    private static final Direction[] DIRECTIONS = Direction.values();
    private static final OfferFailure[] OFFER_FAILURES = OfferFailure.values();
    private static final TransferTarget[] TRANSFER_TARGETS = TransferTarget.values();
    private static final Party[] PARTIES = Party.values();
    private static final MaxWaitAction[] MAX_WAIT_ACTIONS = MaxWaitAction.values();
    private static final Trigger[] TRIGGERS = Trigger.values();
    private static final Rule[] RULES = Rule.values();
    private static final PassedOverWhy[] PASSED_OVER_WHYS = PassedOverWhy.values();
    private static final QaReviewReason[] REVIEW_REASONS = QaReviewReason.values();

    private interface FieldWriter<E extends Event> {
        void write(E event, BytesOut<?> out);
    }

    private interface FieldReader<E extends Event> {
        E read(long at, BytesIn<?> in);
    }

    private record Codec<E extends Event>(int tag, Class<E> type, FieldWriter<E> writer, FieldReader<E> reader) {
        @SuppressWarnings("unchecked")
        void writeFields(Event event, BytesOut<?> out) {
            writer.write((E) event, out);
        }
    }

    private static final Codec<?>[] BY_TAG = new Codec<?>[256];

    private static final ClassValue<Codec<?>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Codec<?> computeValue(Class<?> type) {
            for (Codec<?> codec : BY_TAG) {
                if (codec != null && codec.type() == type) {
                    return codec;
                }
            }
            return null;
        }
    };

    static {
        // Inputs, tags 1..31.
        register(new Codec<>(1, CallArrived.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeEnum(out, e.direction());
            writeString(out, e.lineId());
            writeString(out, e.from());
            writeString(out, e.to());
            writeString(out, e.repId());
        }, (at, in) -> new CallArrived(at, in.readStopBit(), readEnum(in, DIRECTIONS, "direction"),
                readString(in), readString(in), readString(in), readString(in))));
        register(new Codec<>(2, CallClassified.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.customerId());
            writeString(out, e.segment());
            out.writeStopBit(e.value());
            writeString(out, e.accountOwner());
            writeString(out, e.territory());
            writeString(out, e.partner());
            writeString(out, e.language());
            writeString(out, e.queueId());
            writeInt(out, e.priority());
            ModelCodec.writeSkillRequirements(out, e.skills());
        }, (at, in) -> new CallClassified(at, in.readStopBit(), readString(in), readString(in), in.readStopBit(),
                readString(in), readString(in), readString(in), readString(in), readString(in),
                readInt(in, "priority"), ModelCodec.readSkillRequirements(in, "skills"))));
        register(new Codec<>(3, OfferFailed.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeEnum(out, e.failure());
        }, (at, in) -> new OfferFailed(at, in.readStopBit(), readString(in),
                readEnum(in, OFFER_FAILURES, "failure"))));
        register(new Codec<>(4, CallAnswered.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
        }, (at, in) -> new CallAnswered(at, in.readStopBit(), readString(in))));
        register(new Codec<>(5, CallHeld.class, (e, out) -> out.writeStopBit(e.callId()),
                (at, in) -> new CallHeld(at, in.readStopBit())));
        register(new Codec<>(6, CallResumed.class, (e, out) -> out.writeStopBit(e.callId()),
                (at, in) -> new CallResumed(at, in.readStopBit())));
        register(new Codec<>(7, CallTransferred.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeEnum(out, e.targetKind());
            writeString(out, e.target());
        }, (at, in) -> new CallTransferred(at, in.readStopBit(), readString(in),
                readEnum(in, TRANSFER_TARGETS, "targetKind"), readString(in))));
        register(new Codec<>(8, CallEnded.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeEnum(out, e.endedBy());
            writeString(out, e.reason());
        }, (at, in) -> new CallEnded(at, in.readStopBit(), readEnum(in, PARTIES, "endedBy"), readString(in))));
        register(new Codec<>(9, CallAbandoned.class, (e, out) -> out.writeStopBit(e.callId()),
                (at, in) -> new CallAbandoned(at, in.readStopBit())));
        register(new Codec<>(10, CallbackRequested.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.number());
        }, (at, in) -> new CallbackRequested(at, in.readStopBit(), readString(in))));
        register(new Codec<>(11, RepLoggedIn.class, (e, out) -> writeString(out, e.repId()),
                (at, in) -> new RepLoggedIn(at, readString(in))));
        register(new Codec<>(12, RepLoggedOut.class, (e, out) -> writeString(out, e.repId()),
                (at, in) -> new RepLoggedOut(at, readString(in))));
        register(new Codec<>(13, RepReady.class, (e, out) -> writeString(out, e.repId()),
                (at, in) -> new RepReady(at, readString(in))));
        register(new Codec<>(14, RepNotReady.class, (e, out) -> {
            writeString(out, e.repId());
            writeString(out, e.reason());
        }, (at, in) -> new RepNotReady(at, readString(in), readString(in))));
        register(new Codec<>(15, DispositionRecorded.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeString(out, e.outcome());
            out.writeStopBit(e.revenueCents());
            writeString(out, e.note());
        }, (at, in) -> new DispositionRecorded(at, in.readStopBit(), readString(in), readString(in),
                in.readStopBit(), readString(in))));
        register(new Codec<>(16, RecordingReady.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.path());
            out.writeStopBit(e.durationMs());
        }, (at, in) -> new RecordingReady(at, in.readStopBit(), readString(in), in.readStopBit())));
        register(new Codec<>(17, QaScored.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeString(out, e.scorecard());
            writeInt(out, e.score());
            writeBoolean(out, e.manual());
            writeCount(out, e.criteria().size());
            for (QaCriterionScore c : e.criteria()) {
                writeString(out, c.criterion());
                writeInt(out, c.points());
            }
        }, (at, in) -> new QaScored(at, in.readStopBit(), readString(in), readString(in), readInt(in, "score"),
                readBoolean(in, "manual"), readCriterionScores(in))));
        register(new Codec<>(18, ConfigChanged.class, (e, out) -> {
            out.writeStopBit(e.version());
            writeString(out, e.source());
            ModelCodec.writeModel(out, e.model());
        }, (at, in) -> new ConfigChanged(at, in.readStopBit(), readString(in), ModelCodec.readModel(in))));
        register(new Codec<>(19, Tick.class, (e, out) -> {
        }, (at, in) -> new Tick(at)));
        register(new Codec<>(20, RepReachable.class, (e, out) -> {
            writeString(out, e.repId());
            writeString(out, e.contact());
        }, (at, in) -> new RepReachable(at, readString(in), readString(in))));
        register(new Codec<>(21, RepUnreachable.class, (e, out) -> {
            writeString(out, e.repId());
            writeString(out, e.reason());
        }, (at, in) -> new RepUnreachable(at, readString(in), readString(in))));
        register(new Codec<>(22, SourceBlocked.class, (e, out) -> {
            writeString(out, e.address());
            writeString(out, e.user());
            writeString(out, e.reason());
            out.writeStopBit(e.untilMs());
        }, (at, in) -> new SourceBlocked(at, readString(in), readString(in), readString(in), in.readStopBit())));
        register(new Codec<>(23, QaReviewRequested.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeString(out, e.scorecard());
            writeInt(out, e.score());
            writeCount(out, e.reasons().size());
            for (QaReviewReason reason : e.reasons()) {
                writeEnum(out, reason);
            }
        }, (at, in) -> new QaReviewRequested(at, in.readStopBit(), readString(in), readString(in),
                readInt(in, "score"), readReviewReasons(in))));
        register(new Codec<>(24, QaRated.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeString(out, e.supervisorId());
            writeString(out, e.scorecard());
            writeInt(out, e.score());
            writeCount(out, e.ratings().size());
            for (QaRating r : e.ratings()) {
                writeString(out, r.criterion());
                writeInt(out, r.rating());
                writeString(out, r.comment());
            }
        }, (at, in) -> new QaRated(at, in.readStopBit(), readString(in), readString(in), readString(in),
                readInt(in, "score"), readRatings(in))));
        register(new Codec<>(25, MediaFailed.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeEnum(out, e.leg());
            writeString(out, e.reason());
        }, (at, in) -> new MediaFailed(at, in.readStopBit(), readEnum(in, PARTIES, "leg"), readString(in))));
        register(new Codec<>(26, MenuChosen.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.digit());
            writeString(out, e.queueId());
        }, (at, in) -> new MenuChosen(at, in.readStopBit(), readString(in), readString(in))));

        // Router decisions, tags 32 and up.
        register(new Codec<>(32, CallQueued.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.queueId());
            writeInt(out, e.priority());
        }, (at, in) -> new CallQueued(at, in.readStopBit(), readString(in), readInt(in, "priority"))));
        register(new Codec<>(33, TierWidened.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.queueId());
            writeInt(out, e.tier());
        }, (at, in) -> new TierWidened(at, in.readStopBit(), readString(in), readInt(in, "tier"))));
        register(new Codec<>(34, CallOffered.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.repId());
            writeString(out, e.queueId());
            writeInt(out, e.tier());
            writeExplanation(out, e.explanation());
        }, (at, in) -> new CallOffered(at, in.readStopBit(), readString(in), readString(in), readInt(in, "tier"),
                readExplanation(in))));
        register(new Codec<>(35, RepMarkedNotReady.class, (e, out) -> {
            writeString(out, e.repId());
            writeString(out, e.reason());
        }, (at, in) -> new RepMarkedNotReady(at, readString(in), readString(in))));
        register(new Codec<>(36, WrapUpStarted.class, (e, out) -> {
            writeString(out, e.repId());
            out.writeStopBit(e.callId());
            out.writeStopBit(e.endsAt());
        }, (at, in) -> new WrapUpStarted(at, readString(in), in.readStopBit(), in.readStopBit())));
        register(new Codec<>(37, WrapUpEnded.class, (e, out) -> {
            writeString(out, e.repId());
            out.writeStopBit(e.callId());
        }, (at, in) -> new WrapUpEnded(at, readString(in), in.readStopBit())));
        register(new Codec<>(38, MaxWaitReached.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.queueId());
            writeEnum(out, e.action());
        }, (at, in) -> new MaxWaitReached(at, in.readStopBit(), readString(in),
                readEnum(in, MAX_WAIT_ACTIONS, "action"))));
        register(new Codec<>(39, CallbackOffered.class, (e, out) -> {
            out.writeStopBit(e.callId());
            writeString(out, e.queueId());
        }, (at, in) -> new CallbackOffered(at, in.readStopBit(), readString(in))));

        checkEveryEventHasACodec();
    }

    private EventCodec() {
    }

    /**
     * Writes one event at the output's write position.
     *
     * @throws IllegalArgumentException if the event's type has no codec (cannot happen once this class loaded)
     */
    public static void encode(Event event, BytesOut<?> out) {
        Codec<?> codec = BY_TYPE.get(event.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no journal codec for event type " + event.getClass().getName());
        }
        out.writeByte(FORMAT_VERSION);
        out.writeByte((byte) codec.tag());
        out.writeStopBit(event.at());
        codec.writeFields(event, out);
    }

    /**
     * Reads one event from the input's read position, leaving it just after the record.
     *
     * @throws JournalFormatException on an unknown version or tag, a truncated record or a field out of range; the
     *                                message names the tag and the byte position
     */
    public static Event decode(BytesIn<?> in) {
        long start = in.readPosition();
        Codec<?> codec = readHeader(in, start);
        try {
            long at = in.readStopBit();
            return codec.reader().read(at, in);
        } catch (BufferUnderflowException e) {
            throw new JournalFormatException("truncated " + describe(codec) + " record starting at position "
                    + start + ": it ends at position " + in.readLimit() + " before all its fields", e);
        } catch (JournalFormatException e) {
            throw new JournalFormatException("bad " + describe(codec) + " record starting at position " + start
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new JournalFormatException("malformed " + describe(codec) + " record starting at position "
                    + start + " (read up to position " + in.readPosition() + "): " + e, e);
        }
    }

    /** The {@code at} of the record at the read position, without decoding the rest or moving the position. */
    static long peekAt(BytesIn<?> in) {
        long start = in.readPosition();
        Codec<?> codec = readHeader(in, start);
        try {
            return in.readStopBit();
        } catch (BufferUnderflowException e) {
            throw new JournalFormatException("truncated " + describe(codec) + " record starting at position "
                    + start + ": no timestamp", e);
        } finally {
            in.readPosition(start);
        }
    }

    /** The tag this codec writes for an event type; for tests and tools that dump a journal. */
    public static int tagOf(Class<? extends Event> type) {
        Codec<?> codec = BY_TYPE.get(type);
        if (codec == null) {
            throw new IllegalArgumentException("no journal codec for event type " + type.getName());
        }
        return codec.tag();
    }

    private static Codec<?> readHeader(BytesIn<?> in, long start) {
        if (in.readRemaining() < 2) {
            throw new JournalFormatException("truncated record at position " + start + ": " + in.readRemaining()
                    + " bytes, too short for the version and tag bytes");
        }
        int version = in.readUnsignedByte();
        if (version != FORMAT_VERSION) {
            throw new JournalFormatException("unsupported journal format version " + version + " at position "
                    + start + "; this build reads version " + FORMAT_VERSION);
        }
        int tag = in.readUnsignedByte();
        Codec<?> codec = BY_TAG[tag];
        if (codec == null) {
            throw new JournalFormatException("unknown event tag " + tag + " (0x" + Integer.toHexString(tag)
                    + ") at position " + (start + 1) + " of the record starting at position " + start);
        }
        return codec;
    }

    private static String describe(Codec<?> codec) {
        return codec.type().getSimpleName() + " (tag " + codec.tag() + ")";
    }

    private static void writeExplanation(BytesOut<?> out, Explanation explanation) {
        if (!writePresence(out, explanation)) {
            return;
        }
        writeEnum(out, explanation.trigger());
        writeEnum(out, explanation.rule());
        writeBoolean(out, explanation.territoryMatch());
        writeInt(out, explanation.skillScore());
        out.writeStopBit(explanation.idleSince());
        writeInt(out, explanation.candidates());
        List<PassedOver> passedOver = explanation.passedOver();
        writeCount(out, passedOver.size());
        for (int i = 0; i < passedOver.size(); i++) {
            writeString(out, passedOver.get(i).repId());
            writeEnum(out, passedOver.get(i).why());
        }
    }

    private static Explanation readExplanation(BytesIn<?> in) {
        if (!readPresence(in, "explanation")) {
            return null;
        }
        Trigger trigger = readEnum(in, TRIGGERS, "explanation.trigger");
        Rule rule = readEnum(in, RULES, "explanation.rule");
        boolean territoryMatch = readBoolean(in, "explanation.territoryMatch");
        int skillScore = readInt(in, "explanation.skillScore");
        long idleSince = in.readStopBit();
        int candidates = readInt(in, "explanation.candidates");
        int count = readCount(in, "explanation.passedOver");
        List<PassedOver> passedOver = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            passedOver.add(new PassedOver(readString(in), readEnum(in, PASSED_OVER_WHYS, "passedOver.why")));
        }
        return new Explanation(trigger, rule, territoryMatch, skillScore, idleSince, candidates, passedOver);
    }

    private static List<QaCriterionScore> readCriterionScores(BytesIn<?> in) {
        int count = readCount(in, "criteria");
        List<QaCriterionScore> criteria = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            criteria.add(new QaCriterionScore(readString(in), readInt(in, "criteria.points")));
        }
        return criteria;
    }

    private static List<QaReviewReason> readReviewReasons(BytesIn<?> in) {
        int count = readCount(in, "reasons");
        List<QaReviewReason> reasons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reasons.add(readEnum(in, REVIEW_REASONS, "reasons"));
        }
        return reasons;
    }

    private static List<QaRating> readRatings(BytesIn<?> in) {
        int count = readCount(in, "ratings");
        List<QaRating> ratings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ratings.add(new QaRating(readString(in), readInt(in, "ratings.rating"), readString(in)));
        }
        return ratings;
    }

    private static void register(Codec<?> codec) {
        if (codec.tag() <= 0 || codec.tag() > 255 || BY_TAG[codec.tag()] != null) {
            throw new IllegalStateException("journal tag " + codec.tag() + " of " + codec.type().getSimpleName()
                    + " is out of range or already taken");
        }
        boolean decision = dev.acd.core.event.Decision.class.isAssignableFrom(codec.type());
        if (decision != codec.tag() >= FIRST_DECISION_TAG) {
            throw new IllegalStateException("journal tag " + codec.tag() + " of " + codec.type().getSimpleName()
                    + " is on the wrong side of " + FIRST_DECISION_TAG + " (decisions at or above, inputs below)");
        }
        BY_TAG[codec.tag()] = codec;
    }

    private static void checkEveryEventHasACodec() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : concreteEventTypes(Event.class, new ArrayList<>())) {
            if (BY_TYPE.get(type) == null) {
                missing.add(type.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("event types without a journal codec: " + missing
                    + "; add them to " + EventCodec.class.getName());
        }
    }

    /** Every concrete event type reachable through the sealed hierarchy. */
    static List<Class<?>> concreteEventTypes(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                concreteEventTypes(sub, into);
            }
        } else {
            into.add(type);
        }
        return into;
    }
}
