package dev.acd.core.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.acd.core.event.CallClassified;
import dev.acd.core.model.Customer;
import dev.acd.core.model.Line;
import dev.acd.core.model.Queue;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.Segment;
import dev.acd.core.model.SkillRequirement;

/**
 * Classifies an inbound call: the caller's customer (if known) gives segment, value, owner, territory, partner and
 * language; the line gives the queue; the queue's skills plus the customer's language skill ("lang-XX", when the
 * model has that skill) give the requirements; the segment's priority plus the value boost give the priority.
 * Pure: the same model, directory and call give the same classification.
 */
public final class Classifier {
    /** Prefix of the skill a call in a customer's language requires. */
    public static final String LANGUAGE_SKILL_PREFIX = "lang-";
    /** Minimum level in the language skill. */
    public static final int LANGUAGE_MIN_LEVEL = 5;

    private final RoutingModel model;
    private final CustomerDirectory directory;

    public Classifier(RoutingModel model, CustomerDirectory directory) {
        this.model = model;
        this.directory = directory;
    }

    /** Classifies a call that came in on {@code line} from {@code callerNumber}, into the line's queue. */
    public CallClassified classify(long at, long callId, Line line, String callerNumber) {
        return classify(at, callId, line, callerNumber, line.queueId());
    }

    /**
     * Classifies a call that came in on {@code line} into {@code queueId}, the queue its DTMF menu chose.
     *
     * @throws IllegalArgumentException if the model has no such queue
     */
    public CallClassified classify(long at, long callId, Line line, String callerNumber, String queueId) {
        Queue queue = model.queue(queueId)
                .orElseThrow(() -> new IllegalArgumentException("line " + line.id() + " names unknown queue " + queueId));
        Optional<Customer> found = directory.byNumber(callerNumber);
        String segmentId = found.map(Customer::segment).orElse(model.settings().defaultSegment());
        int segmentPriority = model.segment(segmentId).map(Segment::priority).orElse(0);
        long value = found.map(Customer::lifetimeValue).orElse(0L);
        String language = found.map(Customer::language).orElse(null);

        List<SkillRequirement> skills = requirements(model, queue, language);
        int priority = segmentPriority + model.settings().valueBoost(value);
        return new CallClassified(at, callId,
                found.map(Customer::id).orElse(null), segmentId, value,
                found.map(Customer::accountOwner).orElse(null),
                found.map(Customer::territory).orElse(null),
                found.map(Customer::partner).orElse(null),
                language, queue.id(), priority, skills);
    }

    /**
     * What a call in {@code queue} requires of a rep: the queue's skills plus the customer's language skill
     * ("lang-XX", when the model has that skill and the queue does not already ask for it). The router uses it too,
     * for a call transferred to another queue, so both agree on what a queue requires.
     *
     * @param language the customer's language, or null
     */
    public static List<SkillRequirement> requirements(RoutingModel model, Queue queue, String language) {
        List<SkillRequirement> skills = new ArrayList<>(queue.skills());
        if (language != null) {
            String languageSkill = LANGUAGE_SKILL_PREFIX + language;
            boolean known = model.skills().stream().anyMatch(s -> s.id().equals(languageSkill));
            boolean alreadyRequired = skills.stream().anyMatch(s -> s.skill().equals(languageSkill));
            if (known && !alreadyRequired) {
                skills.add(new SkillRequirement(languageSkill, LANGUAGE_MIN_LEVEL));
            }
        }
        return List.copyOf(skills);
    }

    /**
     * Classifies an outbound call a rep placed to {@code calledNumber}: the same customer look-up as inbound, so
     * statistics by segment include outbound work, with no queue and no skill requirements.
     */
    public CallClassified classifyOutbound(long at, long callId, String calledNumber) {
        Optional<Customer> found = directory.byNumber(calledNumber);
        String segmentId = found.map(Customer::segment).orElse(model.settings().defaultSegment());
        int segmentPriority = model.segment(segmentId).map(Segment::priority).orElse(0);
        long value = found.map(Customer::lifetimeValue).orElse(0L);
        return new CallClassified(at, callId,
                found.map(Customer::id).orElse(null), segmentId, value,
                found.map(Customer::accountOwner).orElse(null),
                found.map(Customer::territory).orElse(null),
                found.map(Customer::partner).orElse(null),
                found.map(Customer::language).orElse(null), null,
                segmentPriority + model.settings().valueBoost(value), List.of());
    }
}
