package dev.acd.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.acd.core.event.CallEvent;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.Explanation;
import dev.acd.core.event.PassedOver;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.model.Queue;
import dev.acd.core.model.RoutingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acd explain CALL_ID}: a call's life from the journal, with why each rep was chosen. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints a call's events from the journal and, for every offer, why the router chose that rep: "
                + "the tier and rule, the ranking, and who was passed over.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    JournalOption journal = new JournalOption();
    @Option(names = "--zone", description = "time zone for times (default: the center's zone recorded in the journal)")
    ZoneId zone;
    @Parameters(paramLabel = "CALL_ID", description = "the call id (as in CDRs, statistics and the simulator)")
    long callId;

    @Override
    public Integer call() {
        List<Event> life = new ArrayList<>();
        List<RoutingModel> models = new ArrayList<>();
        try (Journal opened = journal.open(); JournalReader reader = opened.readFromStart()) {
            zone = JournalOption.zone(zone, opened);
            RoutingModel model = null;
            for (Event event = reader.next(); event != null; event = reader.next()) {
                if (event instanceof ConfigChanged changed) {
                    model = changed.model();
                } else if (event instanceof CallEvent call && call.callId() == callId) {
                    life.add(event);
                    models.add(model);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (life.isEmpty()) {
            spec.commandLine().getErr().println("call " + callId + " is not in the journal in " + journal.dir);
            return 1;
        }
        out.println("Call " + callId + " (times in " + zone + ")");
        for (int i = 0; i < life.size(); i++) {
            Event event = life.get(i);
            out.printf("  %s  %s%n", time(event.at()), describe(event));
            if (event instanceof CallOffered offered) {
                explain(offered, models.get(i), out);
            }
        }
        out.flush();
        return 0;
    }

    private String time(long at) {
        return Instant.ofEpochMilli(at).atZone(zone).toLocalTime().toString();
    }

    private static String describe(Event event) {
        String text = event.toString();
        int fields = text.indexOf('[');
        String name = text.substring(0, fields);
        String rest = text.substring(fields + 1, text.length() - 1)
                .replaceAll("(^|, )(at|callId)=-?\\d+", "").replaceFirst("^, ", "");
        return event instanceof CallOffered offered
                ? "CallOffered to " + offered.repId() + " from queue " + offered.queueId()
                : rest.isBlank() ? name : name + " (" + rest + ")";
    }

    private void explain(CallOffered offered, RoutingModel model, PrintWriter out) {
        Explanation why = offered.explanation();
        String tier = "tiers 1-" + offered.tier() + " open";
        if (model != null) {
            Queue queue = model.queue(offered.queueId()).orElse(null);
            if (queue != null && offered.tier() >= 1 && offered.tier() <= queue.tiers().size()) {
                tier += " (up to '" + queue.tiers().get(offered.tier() - 1).name() + "')";
            }
        }
        out.printf(Locale.ROOT, "      why: %s; %s; admitted as %s%n", trigger(why), tier, rule(why));
        out.printf(Locale.ROOT, "      ranking: %s, skill score %d, idle since %s (%d s), %d eligible rep%s%n",
                why.territoryMatch() ? "territory match" : "no territory match", why.skillScore(),
                time(why.idleSince()), Math.max(0, (offered.at() - why.idleSince()) / 1000), why.candidates(),
                why.candidates() == 1 ? "" : "s");
        if (!why.passedOver().isEmpty()) {
            out.println("      passed over: " + why.passedOver().stream().map(ExplainCommand::passed)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String trigger(Explanation why) {
        return switch (why.trigger()) {
            case CALL_QUEUED -> "an eligible rep was available when the call was queued";
            case REP_AVAILABLE -> "the rep became available and this was the most urgent call it may take";
            case TIER_WIDENED -> "the call's tier widened and let this rep in";
            case LIVE_WINDOW_OPENED -> "the field rep's live window opened";
            case REQUEUED -> "the previous offer failed and the call was offered on";
        };
    }

    private static String rule(Explanation why) {
        return switch (why.rule()) {
            case ACCOUNT_OWNER -> "account owner";
            case OWNING_PARTNER -> "rep of the partner that owns the account";
            case HOME_TEAM -> "home team of the customer's segment";
            case SKILLED -> "has the skills, of a kind this tier admits";
            case DIRECT -> "transferred to this rep by name";
        };
    }

    private static String passed(PassedOver passed) {
        String why = switch (passed.why()) {
            case WEAKER_RULE -> "weaker rule";
            case NO_TERRITORY_MATCH -> "no territory match";
            case LOWER_SKILL -> "lower skill";
            case IDLE_SHORTER -> "idle for less time";
            case TIE_BREAK -> "tie broken by rep id";
        };
        return passed.repId() + " (" + why + ")";
    }
}
