package dev.acd.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;

/**
 * What-if staffing for capacity planning: the same center with a different number of inside reps. Fewer keeps the
 * first reps by id; more adds copies of the existing inside reps in turn (same team, skills and territory), named
 * after the rep they copy ({@code ava.chen+2}).
 */
public final class Staffing {
    private Staffing() {
    }

    public static RoutingModel withInsideReps(RoutingModel model, int insideReps) {
        if (insideReps < 1) {
            throw new IllegalArgumentException("--inside-reps must be at least 1, got " + insideReps);
        }
        List<Rep> inside = new ArrayList<>();
        List<Rep> others = new ArrayList<>();
        for (Rep rep : model.reps()) {
            (rep.kind() == RepKind.INSIDE ? inside : others).add(rep);
        }
        if (inside.isEmpty()) {
            throw new IllegalArgumentException("the configuration has no inside reps to staff from");
        }
        inside.sort(Comparator.comparing(Rep::id));
        List<Rep> staffed = new ArrayList<>(inside.subList(0, Math.min(insideReps, inside.size())));
        for (int extra = inside.size(); extra < insideReps; extra++) {
            Rep template = inside.get(extra % inside.size());
            String id = template.id() + "+" + (extra / inside.size() + 1);
            staffed.add(new Rep(id, template.name() + " (copy)", template.kind(), template.team(), template.skills(),
                    template.territory(), template.partner(), template.reach(), template.liveWindows(),
                    template.zone()));
        }
        staffed.addAll(others);
        return new RoutingModel(model.skills(), model.segments(), model.queues(), model.lines(), staffed,
                model.settings());
    }
}
