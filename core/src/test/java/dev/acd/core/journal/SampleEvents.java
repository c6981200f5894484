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
import dev.acd.core.event.MediaFailed;
import dev.acd.core.event.MenuChosen;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TierWidened;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.Trigger;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.LineMenu;
import dev.acd.core.model.LiveWindow;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.RoutingSettings;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Skill;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.model.Tier;
import dev.acd.core.model.TierScope;
import dev.acd.core.model.ValueBand;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Realistic samples of every event type, plus variants with nulls, empty strings and empty lists. */
final class SampleEvents {
    /** 2026-11-23 09:15:00.123 UTC: a Monday morning. */
    static final long T0 = 1_795_425_300_123L;

    private SampleEvents() {
    }

    /** One sample per event type at least, in a plausible call's order, with strictly increasing {@code at}. */
    static List<Event> all() {
        List<Event> events = new ArrayList<>();
        long t = T0;
        events.add(new ConfigChanged(t++, 7, "/etc/acd/center.yaml", model()));
        events.add(new RepLoggedIn(t++, "rep-anna"));
        events.add(new RepReady(t++, "rep-anna"));
        events.add(new RepNotReady(t++, "rep-bo", "lunch"));
        events.add(new CallArrived(t++, 1_000_001L, Direction.INBOUND, "line-sales", "+4930123456", "+4940999000",
                null));
        events.add(new CallClassified(t++, 1_000_001L, "cust-8812", "strategic", 1_250_000L, "rep-anna", "north",
                null, "de", "q-sales", 55, List.of(new SkillRequirement("cad", 6),
                new SkillRequirement("german", 4))));
        events.add(new CallQueued(t++, 1_000_001L, "q-sales", 55));
        events.add(new TierWidened(t++, 1_000_001L, "q-sales", 2));
        events.add(new CallOffered(t++, 1_000_001L, "rep-anna", "q-sales", 2, new Explanation(
                Trigger.TIER_WIDENED, Rule.HOME_TEAM, true, 13, T0 - 95_000, 3,
                List.of(new PassedOver("rep-carl", PassedOverWhy.LOWER_SKILL),
                        new PassedOver("rep-dana", PassedOverWhy.IDLE_SHORTER)))));
        events.add(new OfferFailed(t++, 1_000_001L, "rep-anna", OfferFailure.NO_ANSWER));
        events.add(new RepMarkedNotReady(t++, "rep-anna", "NO_ANSWER"));
        events.add(new CallOffered(t++, 1_000_001L, "rep-carl", "q-sales", 2, new Explanation(
                Trigger.REQUEUED, Rule.SKILLED, false, 11, T0 - 40_000, 1, List.of())));
        events.add(new CallAnswered(t++, 1_000_001L, "rep-carl"));
        events.add(new CallHeld(t++, 1_000_001L));
        events.add(new CallResumed(t++, 1_000_001L));
        events.add(new CallTransferred(t++, 1_000_001L, "rep-carl", TransferTarget.QUEUE, "q-renewals"));
        events.add(new WrapUpStarted(t++, "rep-carl", 1_000_001L, T0 + 60_000));
        events.add(new DispositionRecorded(t++, 1_000_001L, "rep-carl", "quote-sent", 1_999_900L,
                "Wants 40 seats, call back Friday – Grüße"));
        events.add(new WrapUpEnded(t++, "rep-carl", 1_000_001L));
        events.add(new CallEnded(t++, 1_000_001L, Party.CUSTOMER, "BYE"));
        events.add(new RecordingReady(t++, 1_000_001L, "/var/lib/acd/recordings/2026/11/23/1000001.wav",
                184_250L));
        events.add(new QaScored(t++, 1_000_001L, "rep-carl", "sales-discovery-v2", 87, false));
        events.add(new QaScored(t++, 1_000_001L, "rep-carl", "sales-discovery-v2", 91, true));
        events.add(new QaScored(t++, 1_000_001L, "rep-carl", "new-sales", 58, false, List.of(
                new QaCriterionScore("listening", 40), new QaCriterionScore("dead air", 100))));
        events.add(new QaReviewRequested(t++, 1_000_001L, "rep-carl", "new-sales", 58, List.of(
                QaReviewReason.LOW_SCORE, QaReviewReason.LONG_DEAD_AIR)));
        events.add(new QaReviewRequested(t++, 1_000_001L, null, "new-sales", 0, List.of()));
        events.add(new QaRated(t++, 1_000_001L, "rep-carl", "sup-maria", "new-sales", 64, List.of(
                new QaRating("product-knowledge", 4, "knew the renewal terms – gut"),
                new QaRating("problem-solving", 2, ""))));
        events.add(new CallArrived(t++, 1_000_002L, Direction.OUTBOUND, null, "+4940999000", "+4917612345678",
                "rep-bo"));
        events.add(new CallClassified(t++, 1_000_002L, null, "long-tail", 0, null, null, null, null, null, 0,
                List.of()));
        events.add(new CallArrived(t++, 1_000_003L, Direction.INBOUND, "line-sales", "anonymous", "+4940999000",
                null));
        events.add(new CallQueued(t++, 1_000_003L, "q-sales", 10));
        events.add(new CallbackOffered(t++, 1_000_003L, "q-sales"));
        events.add(new CallbackRequested(t++, 1_000_003L, "+4930555111"));
        events.add(new MaxWaitReached(t++, 1_000_004L, "q-sales", MaxWaitAction.OVERFLOW));
        events.add(new CallAbandoned(t++, 1_000_005L));
        events.add(new Tick(t++));
        events.add(new RepLoggedOut(t++, "rep-bo"));
        events.add(new CallOffered(t++, 1_000_006L, "rep-dana", "q-sales", 1, null));
        events.add(new CallEnded(t++, 1_000_006L, null, null));
        events.add(new RepNotReady(t++, "rep-bo", ""));
        events.add(new ConfigChanged(t++, 8, "api", sparseModel()));
        events.add(new ConfigChanged(t++, 9, null, null));
        events.add(new ConfigChanged(t++, 10, "menus", menuModel()));
        events.add(new RepReachable(t++, "rep-anna", "sip:anna@192.0.2.44:5062;transport=tcp"));
        events.add(new RepUnreachable(t++, "rep-anna", "ping-timeout"));
        events.add(new RepReachable(t++, "rep-bo", null));
        events.add(new RepUnreachable(t++, "rep-bo", ""));
        events.add(new SourceBlocked(t++, "203.0.113.9", "anna", "10 failed authentications from the address in 60 s",
                T0 + 900_000));
        events.add(new SourceBlocked(t++, "2001:db8::7", null, "", 0));
        events.add(new MediaFailed(t++, 1_000_007L, Party.REP, "no RTP for 10000 ms"));
        events.add(new MediaFailed(t++, 1_000_008L, null, null));
        events.add(new MenuChosen(t++, 1_000_009L, "2", "q-renewals"));
        events.add(new MenuChosen(t++, 1_000_010L, null, "q-sales"));
        return events;
    }

    /** A center with every kind of model part: skills, segments, queues with tiers, lines, reps of each kind. */
    static RoutingModel model() {
        List<Skill> skills = List.of(new Skill("cad", "CAD suite"), new Skill("german", "German"),
                new Skill("renewals", "Renewals & upsell"));
        List<Segment> segments = List.of(
                new Segment("strategic", "Strategic accounts", Set.of("field-north", "senior-inside"), 50),
                new Segment("long-tail", "Long tail", Set.of("inside"), 10),
                new Segment("partner", "Partner-sourced", Set.of(), 20));
        Queue sales = new Queue("q-sales", "Sales", List.of(new SkillRequirement("cad", 3)), List.of(
                new Tier("relationship", 0, TierScope.RELATIONSHIP, Set.of(), false),
                new Tier("home team", 20, TierScope.HOME_TEAM, Set.of(), false),
                new Tier("inside", 60, TierScope.SKILLED, EnumSet.of(RepKind.INSIDE), false),
                new Tier("everyone", 120, TierScope.SKILLED, EnumSet.allOf(RepKind.class), true)),
                20, 80, 45, 18, 600, MaxWaitAction.OVERFLOW, "q-renewals", 5, 2);
        Queue renewals = new Queue("q-renewals", "Renewals", List.of(), List.of(), 30, 70, 30, 20, 0,
                MaxWaitAction.HANG_UP, null, 0, 0);
        List<Line> lines = List.of(new Line("line-sales", "+4940999000", "Sales DE", "q-sales"),
                new Line("line-renew", "+4940999001", null, "q-renewals"));
        List<Rep> reps = List.of(
                new Rep("rep-anna", "Anna Berg", RepKind.INSIDE, "senior-inside", Map.of("cad", 8, "german", 10),
                        "north", null, new Reach(ReachKind.SOFTPHONE, "anna"), List.of(), ZoneId.of("Europe/Berlin")),
                new Rep("rep-bo", "Bo Lind", RepKind.FIELD, "field-north", Map.of("cad", 6, "renewals", 3), "north",
                        null, new Reach(ReachKind.OUTSIDE_NUMBER, "+4917612345678"), List.of(
                        new LiveWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30),
                                LocalTime.of(12, 0)),
                        new LiveWindow(Set.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(1, 30, 15))),
                        ZoneId.of("America/Chicago")),
                new Rep("rep-carl", "Carl Öz", RepKind.PARTNER, "partner-acme", Map.of(), null, "acme",
                        new Reach(ReachKind.SIP_URI, "sip:carl@pbx.acme.example"), List.of(), ZoneId.of("UTC")),
                new Rep("rep-dana", null, RepKind.INSIDE, "inside", Map.of("cad", 4), null, null, null, List.of(),
                        ZoneId.of("+02:00")));
        RoutingSettings settings = new RoutingSettings("long-tail",
                List.of(new ValueBand(100_000, 10), new ValueBand(1_000_000, 25)), MissPolicy.DEFAULT, 30, 5,
                java.time.ZoneId.of("America/New_York"));
        return new RoutingModel(skills, segments, List.of(sales, renewals), lines, reps, settings);
    }

    /** {@link #model()} whose sales line has a DTMF menu (one with the built-in prompt, one line without). */
    static RoutingModel menuModel() {
        RoutingModel base = model();
        List<Line> lines = List.of(new Line("line-sales", "+4940999000", "Sales DE", "q-sales",
                        new LineMenu(null, 5, "q-sales", Map.of("1", "q-sales", "2", "q-renewals", "#", "q-sales"))),
                new Line("line-renew", "+4940999001", null, "q-renewals",
                        new LineMenu("prompts/renew.wav", 1, "q-renewals", Map.of())),
                new Line("line-plain", "+4940999002", "Plain", "q-sales"));
        return new RoutingModel(base.skills(), base.segments(), base.queues(), lines, base.reps(), base.settings());
    }

    /** A model with empty lists and null optional parts everywhere. */
    static RoutingModel sparseModel() {
        return new RoutingModel(List.of(), List.of(), List.of(), List.of(), List.of(),
                new RoutingSettings(null, List.of(), null, 0, 0));
    }
}
