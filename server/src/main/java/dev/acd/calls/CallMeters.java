package dev.acd.calls;

import java.util.function.ToLongFunction;

import dev.acd.sip.call.CallControl;
import dev.acd.sip.call.CallCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * SIP call control's meters: calls accepted from the trunk and placed by reps, INVITEs refused, media failures,
 * router commands that found no call, and calls live now. Read from the scrape thread; the counters are thread-safe.
 */
public final class CallMeters {
    public static final String INBOUND = "acd.sip.calls.inbound";
    public static final String OUTBOUND = "acd.sip.calls.outbound";
    public static final String REFUSED = "acd.sip.calls.refused";
    public static final String MEDIA_FAILURES = "acd.sip.calls.media.failures";
    public static final String IGNORED_COMMANDS = "acd.sip.calls.ignored.commands";
    public static final String LIVE = "acd.sip.calls.live";

    private CallMeters() {
    }

    /** Registers call control's meters in {@code registry}; once per call control. */
    public static void bind(CallControl calls, MeterRegistry registry) {
        CallCounters counters = calls.counters();
        counter(registry, INBOUND, "inbound calls accepted from the trunk", counters, CallCounters::inbound);
        counter(registry, OUTBOUND, "outbound calls placed by reps", counters, CallCounters::outbound);
        counter(registry, REFUSED, "INVITEs refused (403, 404, 488, 503...; digest challenges excluded)", counters,
                CallCounters::refused);
        counter(registry, MEDIA_FAILURES, "one-way or no-audio reports, each also journaled as MediaFailed",
                counters, CallCounters::mediaFailures);
        counter(registry, IGNORED_COMMANDS, "router commands for calls call control no longer has, or that did not "
                + "fit the call's state", counters, CallCounters::ignoredCommands);
        Gauge.builder(LIVE, calls, CallControl::liveCalls).description("SIP calls in progress").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, CallCounters counters,
                                ToLongFunction<CallCounters> count) {
        FunctionCounter.builder(name, counters, c -> count.applyAsLong(c)).description(description)
                .register(registry);
    }
}
