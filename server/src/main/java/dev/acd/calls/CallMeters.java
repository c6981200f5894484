package dev.acd.calls;

import java.util.function.ToLongFunction;

import dev.acd.sip.call.CallControl;
import dev.acd.sip.call.CallCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * SIP call control's meters: calls accepted from the trunk and placed by reps, INVITEs refused, media failures,
 * router commands that found no call, RTP port shortages, calls ended because a leg or its media died, and calls
 * live now. Read from the scrape thread; the counters are thread-safe.
 */
public final class CallMeters {
    public static final String INBOUND = "acd.sip.calls.inbound";
    public static final String OUTBOUND = "acd.sip.calls.outbound";
    public static final String REFUSED = "acd.sip.calls.refused";
    public static final String MEDIA_FAILURES = "acd.sip.calls.media.failures";
    public static final String IGNORED_COMMANDS = "acd.sip.calls.ignored.commands";
    public static final String LIVE = "acd.sip.calls.live";
    public static final String RTP_PORT_SHORTAGES = "acd.sip.calls.rtp.port.shortages";
    public static final String SYSTEM_ENDED = "acd.sip.calls.system.ended";

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
        counter(registry, RTP_PORT_SHORTAGES, "legs that found no free RTP port: new calls refused 503 with "
                + "Retry-After, offers to reps held back and retried (never charged to the rep), transfers not placed",
                counters, CallCounters::rtpPortShortages);
        counter(registry, SYSTEM_ENDED, "calls ended by call control because something died under them: a leg "
                + "lost (keepalive OPTIONS unanswered or 481), no RTP either way, no RTP port for the rep's leg",
                counters, CallCounters::systemEnded);
        Gauge.builder(LIVE, calls, CallControl::liveCalls).description("SIP calls in progress").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, CallCounters counters,
                                ToLongFunction<CallCounters> count) {
        FunctionCounter.builder(name, counters, c -> count.applyAsLong(c)).description(description)
                .register(registry);
    }
}
