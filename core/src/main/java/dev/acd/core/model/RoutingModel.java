package dev.acd.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the router needs to know about the center: skills, segments, queues, lines, reps and settings.
 * It travels inside the {@code ConfigChanged} event so a journal alone is enough to rebuild the router.
 * Customers are not part of it: a call's classification carries what routing needs of its customer.
 */
public record RoutingModel(List<Skill> skills, List<Segment> segments, List<Queue> queues, List<Line> lines,
                           List<Rep> reps, RoutingSettings settings) {

    public RoutingModel {
        skills = List.copyOf(skills);
        segments = List.copyOf(segments);
        queues = List.copyOf(queues);
        lines = List.copyOf(lines);
        reps = List.copyOf(reps);
    }

    public Optional<Queue> queue(String id) {
        return queues.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Segment> segment(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Rep> rep(String id) {
        return reps.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The line a dialled number belongs to. */
    public Optional<Line> lineByNumber(String dialled) {
        return lines.stream().filter(l -> l.number().equals(dialled)).findFirst();
    }

    public Optional<Line> line(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Reps by id, for callers that look many up. */
    public Map<String, Rep> repsById() {
        return reps.stream().collect(Collectors.toUnmodifiableMap(Rep::id, Function.identity()));
    }
}
