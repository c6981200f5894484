package dev.acd.api.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.acd.api.live.LiveModel.CallNow;
import dev.acd.api.live.LiveModel.RepNow;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Report;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.stats.RepState;
import dev.acd.core.stats.StatsProjection;
import dev.acd.sip.prompt.QueueStanding;

/**
 * The JSON shapes of live state, made from the model at one instant: times in state and waits are counted to
 * {@code now} (the API's clock), today's figures come from the statistics projection for the center's day.
 * Built on the live thread.
 */
public final class Views {
    /** A call waiting in a queue. */
    public record WaitingCall(long callId, String segment, String customerId, long value, String phase,
                              double waitSeconds, String ringingRep) {
    }

    /** Today's figures of a queue (ratios 0..1, null when undefined). */
    public record QueueToday(long offered, long answered, long abandoned, Double serviceLevel, Double abandonRate) {
    }

    /** A queue tile; {@code expectedWaitSeconds} is what a caller joining now may expect, null with no estimate. */
    public record QueueView(String id, String name, int waiting, double longestWaitSeconds, Long expectedWaitSeconds,
                            List<WaitingCall> waitingCalls, Map<RepState, Integer> repsByState,
                            int serviceLevelSeconds, int serviceLevelGoalPercent, QueueToday today) {
    }

    /** Today's figures of a rep, in seconds. */
    public record RepToday(long handled, double talkSeconds, double wrapSeconds, double handleSeconds) {
    }

    public record RepView(String id, String name, String kind, RepState state, String reason, String since,
                          double timeInStateSeconds, Long currentCall, boolean ringing, String wrapEndsAt,
                          RepToday today) {
    }

    public record CallView(long callId, String direction, String phase, String queueId, String segment,
                           String customerId, long value, String from, String repId, String arrivedAt,
                           double waitSeconds, double talkSeconds) {
    }

    private final LiveModel model;
    private final long now;
    private final Report repsToday;
    private final Report queuesToday;

    /** Views as of {@code now}, with today's figures from {@code stats} for the day of {@code now} in {@code zone}. */
    public Views(LiveModel model, StatsProjection stats, long now, ZoneId zone) {
        this.model = model;
        this.now = now;
        LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        long from = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        boolean seen = stats.latestAt() != Long.MIN_VALUE;
        this.repsToday = seen ? stats.report(Grouping.REP, from, to) : null;
        this.queuesToday = seen ? stats.report(Grouping.QUEUE, from, to) : null;
    }

    public QueueView queue(String id) {
        Queue queue = model.queues().get(id);
        if (queue == null) {
            return null;
        }
        List<WaitingCall> waiting = new ArrayList<>();
        double longest = 0;
        for (CallNow call : model.calls().values()) {
            if (id.equals(call.queueId) && call.waiting()) {
                double wait = seconds(now - call.queuedAt);
                longest = Math.max(longest, wait);
                waiting.add(new WaitingCall(call.callId, call.segment, call.customerId, call.value,
                        call.phase.name(), wait, call.phase == LiveModel.CallPhase.RINGING ? call.repId : null));
            }
        }
        waiting.sort((a, b) -> Double.compare(b.waitSeconds(), a.waitSeconds()));
        Map<RepState, Integer> byState = new EnumMap<>(RepState.class);
        for (RepState state : RepState.values()) {
            byState.put(state, 0);
        }
        for (RepNow rep : model.reps().values()) {
            if (serves(queue, rep.id)) {
                byState.merge(rep.state(), 1, Integer::sum);
            }
        }
        ReportRow row = queuesToday == null ? null : queuesToday.row(id).orElse(null);
        QueueToday today = new QueueToday(count(row, "offered"), count(row, "answered"), count(row, "abandoned"),
                ratio(row, "service_level"), ratio(row, "abandon_rate"));
        long expected = model.standings().expectedWaitSecondsAt(id, now);
        return new QueueView(id, queue.name() == null ? id : queue.name(), waiting.size(), longest,
                expected == QueueStanding.NO_ESTIMATE ? null : expected, waiting, byState,
                queue.serviceLevelSeconds(), queue.serviceLevelGoalPercent(), today);
    }

    public RepView rep(String id) {
        RepNow rep = model.rep(id);
        if (rep == null) {
            return null;
        }
        ReportRow row = repsToday == null ? null : repsToday.row(id).orElse(null);
        RepToday today = new RepToday(count(row, "handled"), number(row, "talk_time"), number(row, "wrap_time"),
                number(row, "handle_time"));
        return new RepView(rep.id, rep.name, rep.kind, rep.state(), rep.reason,
                rep.since == 0 ? null : Instant.ofEpochMilli(rep.since).toString(),
                rep.since == 0 ? 0 : seconds(now - rep.since), rep.callId == 0 ? null : rep.callId, rep.ringing,
                rep.wrapping ? Instant.ofEpochMilli(rep.wrapEndsAt).toString() : null, today);
    }

    public CallView call(long callId) {
        CallNow call = model.calls().get(callId);
        if (call == null) {
            return null;
        }
        double wait = call.queuedAt == 0 ? 0 : seconds((call.answeredAt > 0 ? call.answeredAt : now) - call.queuedAt);
        double talk = call.answeredAt > 0 ? seconds(now - call.answeredAt) : 0;
        return new CallView(call.callId, call.direction.name(), call.phase.name(), call.queueId, call.segment,
                call.customerId, call.value, call.from, call.repId, Instant.ofEpochMilli(call.arrivedAt).toString(),
                wait, talk);
    }

    public List<QueueView> queues() {
        List<QueueView> views = new ArrayList<>();
        model.queues().keySet().forEach(id -> views.add(queue(id)));
        return views;
    }

    public List<RepView> reps() {
        List<RepView> views = new ArrayList<>();
        model.reps().keySet().forEach(id -> views.add(rep(id)));
        return views;
    }

    public List<CallView> calls() {
        List<CallView> views = new ArrayList<>();
        model.calls().keySet().forEach(id -> views.add(call(id)));
        return views;
    }

    /** Whether a rep has every skill a queue requires, at its level: the reps a queue's tile counts. */
    private boolean serves(Queue queue, String repId) {
        Rep rep = model.configured(repId);
        if (rep == null) {
            return false;
        }
        for (SkillRequirement need : queue.skills()) {
            if (rep.level(need.skill()) < need.minLevel()) {
                return false;
            }
        }
        return true;
    }

    private static double seconds(long ms) {
        return Math.max(0, ms) / 1000.0;
    }

    private static long count(ReportRow row, String metric) {
        return row == null ? 0 : Math.round(row.value(metric));
    }

    private static double number(ReportRow row, String metric) {
        return row == null ? 0 : row.value(metric);
    }

    private static Double ratio(ReportRow row, String metric) {
        if (row == null) {
            return null;
        }
        double value = row.value(metric);
        return Double.isNaN(value) ? null : value;
    }
}
