package dev.acd.api;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.acd.api.auth.Authenticator;
import dev.acd.api.auth.Principal;
import dev.acd.api.auth.Sessions;
import dev.acd.api.history.Cdr;
import dev.acd.api.history.CdrFilter;
import dev.acd.api.history.Recordings;
import dev.acd.api.http.Access;
import dev.acd.api.http.ApiException;
import dev.acd.api.http.Authentication;
import dev.acd.api.http.Exchange;
import dev.acd.api.http.Reply;
import dev.acd.recorder.scorecard.ManualRating;
import dev.acd.api.http.Routes;
import dev.acd.api.live.LiveService;
import dev.acd.api.live.Views;
import dev.acd.api.web.StaticFiles;
import dev.acd.config.AcdConfig;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.journal.Journal;
import dev.acd.core.model.Customer;
import dev.acd.core.model.Direction;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Report;
import dev.acd.core.stats.StatsProjection;
import dev.acd.core.time.Clock;
import dev.acd.report.ReportDocument;
import dev.acd.report.StatsQuery;
import dev.acd.report.TimeRange;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

/** The API's route table and handlers; docs/api.md and docs/openapi.yaml describe the same list. */
final class ApiRoutes {
    static final int MAX_PAGE = 500;
    static final int DEFAULT_PAGE = 50;
    /** How many of a customer's earlier calls its card shows. */
    static final int LAST_CALLS = 5;
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final LiveService live;
    private final Journal journal;
    private final EventPublisher publisher;
    private final Supplier<AcdConfig> config;
    private final Clock clock;
    private final PrometheusMeterRegistry registry;
    private final Sessions sessions;
    private final Authenticator authenticator;
    private final RepControl control;
    private final Path recordingsDir;
    private final ConfigReloader reloader;
    private final QaDesk qa;
    private final StaticFiles pages = new StaticFiles(ApiRoutes.class.getClassLoader(), "dev/acd/web",
            StaticFiles.REVALIDATE);
    private final StaticFiles webjars = new StaticFiles(ApiRoutes.class.getClassLoader(),
            "META-INF/resources/webjars", StaticFiles.IMMUTABLE);

    ApiRoutes(LiveService live, Journal journal, EventPublisher publisher, Supplier<AcdConfig> config, Clock clock,
              PrometheusMeterRegistry registry, Sessions sessions, Authenticator authenticator, Path recordingsDir,
              ApiServices services) {
        this.reloader = services.reloader();
        this.qa = services.qa();
        this.live = live;
        this.journal = journal;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.control = new RepControl(live, publisher, clock);
        this.recordingsDir = recordingsDir;
    }

    Routes routes() {
        return new Routes()
                .post("/api/login", Access.PUBLIC, this::login)
                .post("/api/logout", Access.USER, this::logout)
                .get("/api/me", Access.USER, ex -> Reply.ok(ex.principal()))
                .get("/api/queues", Access.SUPERVISOR, ex -> Reply.ok(live.query(s -> s.views().queues())))
                .get("/api/queues/{id}", Access.SUPERVISOR, this::queue)
                .get("/api/reps", Access.USER, this::reps)
                .get("/api/reps/{id}", Access.USER, this::rep)
                .post("/api/reps/{id}/login", Access.USER, ex -> control(ex, RepControl.Action.LOGIN))
                .post("/api/reps/{id}/logout", Access.USER, ex -> control(ex, RepControl.Action.LOGOUT))
                .post("/api/reps/{id}/ready", Access.USER, ex -> control(ex, RepControl.Action.READY))
                .post("/api/reps/{id}/not-ready", Access.USER, ex -> control(ex, RepControl.Action.NOT_READY))
                .post("/api/reps/{id}/end-wrap-up", Access.USER, ex -> control(ex, RepControl.Action.END_WRAP_UP))
                .get("/api/center", Access.USER, this::center)
                .get("/api/calls", Access.USER, this::calls)
                .get("/api/calls/{id}/events", Access.USER, this::callEvents)
                .get("/api/calls/{id}/customer", Access.USER, this::customerCard)
                .post("/api/calls/{id}/disposition", Access.USER, this::disposition)
                .get("/api/calls/{id}/recording", Access.USER, this::recording)
                .get("/api/cdrs", Access.USER, this::cdrs)
                .get("/api/stats", Access.USER, this::stats)
                .post("/api/admin/config/reload", Access.ADMIN, this::reloadConfig)
                .get("/api/qa/reviews", Access.SUPERVISOR, ex -> Reply.ok(qa.openReviews()))
                .post("/api/calls/{id}/qa", Access.SUPERVISOR, this::rateCall)
                .get("/health/live", Access.PUBLIC, ex -> Reply.ok(Map.of("status", "UP")))
                .get("/health/ready", Access.PUBLIC, this::ready)
                .get("/metrics", Access.PUBLIC, this::metrics)
                // The web pages (docs/web.md); last, so that "/{page}" never shadows an endpoint above.
                .get("/", Access.PUBLIC, ex -> redirect("/login.html"))
                .get("/assets/{path...}", Access.PUBLIC, ex -> pages.serve("assets/" + ex.path("path"), ex.request()))
                .get("/webjars/{path...}", Access.PUBLIC, ex -> webjars.serve(ex.path("path"), ex.request()))
                .get("/{page}", Access.PUBLIC, ex -> pages.serve(ex.path("page"), ex.request()));
    }

    // ---- QA

    /** A supervisor's ratings of a scored call: {"ratings": [{"criterion", "rating" 1-5, "comment"}]}. */
    private Reply rateCall(Exchange ex) {
        long callId = callId(ex);
        JsonNode list = ex.body().get("ratings");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("field 'ratings' must be a non-empty list of {criterion, rating, comment}");
        }
        List<ManualRating> ratings = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode rating = item.get("rating");
            if (rating == null || !rating.isIntegralNumber()) {
                throw ApiException.badRequest("each rating needs a whole 'rating' from 1 to 5, got " + item);
            }
            try {
                ratings.add(new ManualRating(Exchange.text(item, "criterion"), rating.asInt(),
                        Exchange.optionalText(item, "comment")));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        try {
            return Reply.ok(qa.rate(callId, ex.principal().user(), ratings));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    // ---- configuration

    /** Re-reads the configuration file: 200 with the version in force, or 422 with every problem (nothing changed). */
    private Reply reloadConfig(Exchange ex) {
        ConfigReloader.Result result = reloader.reload();
        if (result.applied()) {
            return Reply.ok(Map.of("status", 200, "version", result.version(), "source", result.source()));
        }
        return new Reply.Json(HttpResponseStatus.UNPROCESSABLE_ENTITY, Map.of("status", 422,
                "error", "the configuration was refused; the running one stays", "problems", result.problems()));
    }

    // ---- sessions

    private Reply login(Exchange ex) {
        JsonNode body = ex.body();
        String user = Exchange.text(body, "user");
        String password = Exchange.text(body, "password");
        Authenticator.Outcome outcome = authenticator.login(user, password, ex.source());
        if (outcome instanceof Authenticator.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfterMs() + 999) / 1000);
            return new Reply.Json(HttpResponseStatus.TOO_MANY_REQUESTS, error(429, "too many failed logins for '"
                    + user + "' from this address; try again in " + seconds + " s"),
                    Map.of(HttpHeaderNames.RETRY_AFTER.toString(), Long.toString(seconds)));
        }
        if (!(outcome instanceof Authenticator.Accepted accepted)) {
            throw ApiException.unauthorized("wrong user name or password");
        }
        Principal principal = accepted.principal();
        Sessions.Issued issued = sessions.open(principal);
        DefaultCookie cookie = new DefaultCookie(Authentication.COOKIE, issued.token());
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(sessions.ttlMs() / 1000);
        cookie.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("token", issued.token());
        reply.put("expiresAt", java.time.Instant.ofEpochMilli(issued.expiresAt()).toString());
        reply.put("user", principal.user());
        reply.put("role", principal.role());
        reply.put("repId", principal.repId());
        return new Reply.Json(HttpResponseStatus.OK, reply,
                Map.of(HttpHeaderNames.SET_COOKIE.toString(), ServerCookieEncoder.STRICT.encode(cookie)));
    }

    private Reply logout(Exchange ex) {
        sessions.close(ex.token());
        DefaultCookie gone = new DefaultCookie(Authentication.COOKIE, "");
        gone.setMaxAge(0);
        gone.setPath("/");
        return new Reply.Json(HttpResponseStatus.NO_CONTENT, null,
                Map.of(HttpHeaderNames.SET_COOKIE.toString(), ServerCookieEncoder.STRICT.encode(gone)));
    }

    // ---- live

    private Reply queue(Exchange ex) {
        String id = ex.path("id");
        Views.QueueView view = live.query(s -> s.views().queue(id));
        if (view == null) {
            throw ApiException.notFound("no queue '" + id + "'");
        }
        return Reply.ok(view);
    }

    private Reply reps(Exchange ex) {
        Principal p = ex.principal();
        return Reply.ok(live.query(s -> p.supervises() ? s.views().reps()
                : s.views().rep(p.repId()) == null ? List.of() : List.of(s.views().rep(p.repId()))));
    }

    private Reply rep(Exchange ex) {
        String id = ex.path("id");
        ownRep(ex.principal(), id, "see");
        Views.RepView view = live.query(s -> s.views().rep(id));
        if (view == null) {
            throw ApiException.notFound("no rep '" + id + "'");
        }
        return Reply.ok(view);
    }

    private Reply calls(Exchange ex) {
        Principal p = ex.principal();
        return Reply.ok(live.query(s -> s.views().calls().stream()
                .filter(c -> p.supervises() || p.repId().equals(c.repId())).toList()));
    }

    private Reply center(Exchange ex) {
        AcdConfig current = config.get();
        java.time.Instant now = java.time.Instant.ofEpochMilli(clock.millis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", current.zone().getId());
        body.put("today", now.atZone(current.zone()).toLocalDate().toString());
        body.put("now", now.toString());
        body.put("outcomes", current.outcomes());
        return Reply.ok(body);
    }

    /** The journal's events of one call, oldest first, each with its type and time: a call's timeline. */
    private Reply callEvents(Exchange ex) {
        long callId = callId(ex);
        long arrivedAt = live.query(s -> visibleCall(s, callId, ex.principal()).arrivedAt());
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        // Every event of a call is at or after its arrival, so the scan decodes nothing older.
        journal.replay(arrivedAt, Long.MAX_VALUE, event -> {
            if (event instanceof CallEvent c && c.callId() == callId) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("type", event.getClass().getSimpleName());
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = EVENT_JSON.convertValue(event, Map.class);
                fields.put("at", java.time.Instant.ofEpochMilli(event.at()).toString());
                item.putAll(fields);
                events.add(item);
            }
        });
        return Reply.ok(events);
    }

    /** What a rep needs to see of the caller when a call rings: the directory's entry and the customer's last calls. */
    private Reply customerCard(Exchange ex) {
        long callId = callId(ex);
        AcdConfig current = config.get();
        return Reply.ok(live.query(s -> {
            Cdr cdr = visibleCall(s, callId, ex.principal());
            Cdr.View view = cdr.view();
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("callId", callId);
            card.put("from", view.from());
            card.put("queueId", view.queueId());
            Customer customer = cdr.customerId() == null ? null
                    : current.customers().byId(cdr.customerId()).orElse(null);
            card.put("known", customer != null);
            card.put("customerId", cdr.customerId());
            card.put("name", customer == null ? null : customer.name());
            card.put("account", customer == null ? null : customer.account());
            String segment = customer != null ? customer.segment() : view.segment();
            card.put("segment", segment);
            card.put("segmentName", segment == null ? null
                    : current.model().segment(segment).map(x -> x.name()).orElse(segment));
            card.put("value", customer == null ? null : customer.lifetimeValue());
            String owner = customer == null ? null : customer.accountOwner();
            card.put("accountOwner", owner);
            card.put("accountOwnerName", owner == null ? null
                    : current.model().rep(owner).map(r -> r.name() == null ? r.id() : r.name()).orElse(owner));
            card.put("territory", customer == null ? null : customer.territory());
            String partner = customer == null ? null : customer.partner();
            card.put("partner", partner);
            card.put("partnerName", partner == null ? null
                    : current.partner(partner).map(x -> x.name()).orElse(partner));
            card.put("language", customer == null ? null : customer.language());
            card.put("lastCalls", cdr.customerId() == null ? List.of()
                    : s.cdrs().forCustomer(cdr.customerId(), callId, LAST_CALLS));
            return card;
        }));
    }

    /**
     * The call's record, if {@code p} may see it: a supervisor any call, a rep the calls it handled or that ring it
     * now (so the customer card can pop up before the answer).
     */
    private static Cdr visibleCall(LiveService.State s, long callId, Principal p) {
        Cdr cdr = s.cdrs().find(callId);
        if (cdr == null) {
            throw ApiException.notFound("no call " + callId);
        }
        if (!p.supervises() && !cdr.handledBy(p.repId())) {
            var now = s.model().calls().get(callId);
            if (now == null || !p.repId().equals(now.repId())) {
                throw ApiException.forbidden("call " + callId + " is not offered to or handled by " + p.repId());
            }
        }
        return cdr;
    }

    // ---- control

    private Reply control(Exchange ex, RepControl.Action action) {
        String id = ex.path("id");
        ownRep(ex.principal(), id, "change the state of");
        String reason = null;
        if (action == RepControl.Action.NOT_READY) {
            reason = Exchange.text(ex.body(), "reason");
            if (!reason.matches("[A-Za-z0-9._-]{1,40}")) {
                throw ApiException.badRequest("field 'reason' must be a reason code of 1 to 40 letters, digits, "
                        + "'.', '_' or '-', got '" + reason + "'");
            }
        }
        Event published = control.apply(id, action, reason);
        return Reply.accepted(published(published));
    }

    private Reply disposition(Exchange ex) {
        long callId = callId(ex);
        JsonNode body = ex.body();
        String outcome = Exchange.text(body, "outcome");
        AcdConfig current = config.get();
        if (!current.isOutcome(outcome)) {
            throw ApiException.badRequest("field 'outcome': '" + outcome + "' is not one of " + current.outcomes());
        }
        long revenueCents = 0;
        JsonNode revenue = body.get("revenueCents");
        if (revenue != null && !revenue.isNull()) {
            if (!revenue.canConvertToLong() || !revenue.isIntegralNumber() || revenue.asLong() < 0) {
                throw ApiException.badRequest("field 'revenueCents' must be a whole number of cents >= 0, got "
                        + revenue);
            }
            revenueCents = revenue.asLong();
        }
        String note = Exchange.optionalText(body, "note");
        if (note != null && note.length() > 2000) {
            throw ApiException.badRequest("field 'note' is " + note.length() + " characters; at most 2000");
        }
        Principal p = ex.principal();
        long cents = revenueCents;
        Event published = live.act(s -> {
            Cdr cdr = s.cdrs().find(callId);
            if (cdr == null) {
                throw ApiException.notFound("no call " + callId);
            }
            List<String> reps = cdr.view().reps();
            if (reps.isEmpty()) {
                throw ApiException.conflict("call " + callId + " was never answered by a rep; nothing to dispose");
            }
            if (!p.supervises() && !cdr.handledBy(p.repId())) {
                throw ApiException.forbidden("call " + callId + " was not handled by " + p.repId());
            }
            if (cdr.disposed() || s.disposing().contains(callId)) {
                throw ApiException.conflict("call " + callId + " already has a disposition");
            }
            String repId = p.supervises() ? reps.get(reps.size() - 1) : p.repId();
            DispositionRecorded event = new DispositionRecorded(clock.millis(), callId, repId, outcome, cents, note);
            s.disposing().add(callId);
            publisher.publish(event);
            return event;
        });
        return new Reply.Json(HttpResponseStatus.CREATED, published(published));
    }

    // ---- history

    private Reply recording(Exchange ex) throws java.io.IOException {
        long callId = callId(ex);
        Principal p = ex.principal();
        String path = live.query(s -> {
            Cdr cdr = s.cdrs().find(callId);
            if (cdr == null) {
                throw ApiException.notFound("no call " + callId);
            }
            if (!p.supervises() && !cdr.handledBy(p.repId())) {
                throw ApiException.forbidden("call " + callId + " was not handled by " + p.repId()
                        + "; a rep may fetch only its own calls' recordings");
            }
            if (cdr.recordingPath() == null) {
                throw ApiException.notFound("call " + callId + " has no recording");
            }
            return cdr.recordingPath();
        });
        return Recordings.serve(recordingsDir.resolve(path), ex.request().headers().get(HttpHeaderNames.RANGE));
    }

    private Reply cdrs(Exchange ex) {
        Principal p = ex.principal();
        String rep = ex.query("rep");
        if (!p.supervises()) {
            if (rep != null && !rep.equals(p.repId())) {
                throw ApiException.forbidden("a rep sees only its own calls; " + p.user() + " is rep " + p.repId());
            }
            rep = p.repId();
        }
        String directionText = ex.query("direction");
        Direction direction = null;
        if (directionText != null) {
            try {
                direction = Direction.valueOf(directionText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("query parameter 'direction': '" + directionText
                        + "' is not one of " + Arrays.toString(Direction.values()).toLowerCase(Locale.ROOT));
            }
        }
        TimeRange range = TimeRange.of(ex.query("from"), ex.query("to"), config.get().zone(), "from", "to");
        CdrFilter filter = new CdrFilter(rep, ex.query("queue"), ex.query("segment"), direction, ex.query("outcome"),
                range.fromAt(), range.toAt());
        long offset = ex.queryLong("offset", 0, 0, Integer.MAX_VALUE);
        int limit = (int) ex.queryLong("limit", DEFAULT_PAGE, 1, MAX_PAGE);
        return Reply.ok(live.query(s -> s.cdrs().page(filter, offset, limit)));
    }

    private Reply stats(Exchange ex) {
        Principal p = ex.principal();
        Grouping by = StatsQuery.grouping(ex.query("by") == null ? "queue" : ex.query("by"), "by");
        String rep = ex.query("rep");
        if (!p.supervises()) {
            if (by != Grouping.REP) {
                throw ApiException.forbidden("a rep sees only its own figures: use by=rep");
            }
            if (rep != null && !rep.equals(p.repId())) {
                throw ApiException.forbidden("a rep sees only its own figures; " + p.user() + " is rep "
                        + p.repId());
            }
            rep = p.repId();
        }
        if (rep != null && by != Grouping.REP) {
            throw ApiException.badRequest("query parameter 'rep' needs by=rep");
        }
        ZoneId asked = StatsQuery.zoneNamed(ex.query("zone"), "zone");
        String metricsText = ex.query("metrics");
        List<String> metrics = metricsText == null ? List.of() : List.of(metricsText.split(","));
        String onlyRep = rep;
        Map<String, Object> document;
        ZoneId liveZone = live.query(s -> s.zone());
        if (asked == null || asked.equals(liveZone)) {
            TimeRange range = TimeRange.of(ex.query("from"), ex.query("to"), liveZone, "from", "to");
            document = live.query(s -> document(StatsQuery.report(s.stats(), by, range), metrics, onlyRep));
        } else {
            // Another zone cuts intervals and days differently: project the journal afresh, as acd stats does.
            TimeRange range = TimeRange.of(ex.query("from"), ex.query("to"), asked, "from", "to");
            StatsProjection projection = StatsQuery.project(journal, asked);
            document = document(StatsQuery.report(projection, by, range), metrics, onlyRep);
        }
        return Reply.ok(document);
    }

    private static Map<String, Object> document(Report report, List<String> metrics, String onlyRep) {
        if (report == null) {
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put("rows", List.of());
            return empty;
        }
        return ReportDocument.of(report, ReportDocument.columns(report, metrics, "metrics"),
                row -> onlyRep == null || row.key().equals(onlyRep), onlyRep == null);
    }

    // ---- operations

    private Reply ready(Exchange ex) {
        boolean ready = live.caughtUp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("eventsRead", live.eventsRead());
        return new Reply.Json(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body);
    }

    private Reply metrics(Exchange ex) {
        byte[] text = registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(text));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        HttpUtil.setContentLength(response, text.length);
        return new Reply.Written(response, null);
    }

    // ---- helpers

    private static void ownRep(Principal p, String repId, String verb) {
        if (!p.mayActFor(repId)) {
            throw ApiException.forbidden("user '" + p.user() + "' may not " + verb + " rep '" + repId
                    + "'; a rep acts only for itself");
        }
    }

    private static long callId(Exchange ex) {
        String text = ex.path("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + text + "' is not a call id (a whole number)");
        }
    }

    private static Reply redirect(String to) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.LOCATION, to);
        HttpUtil.setContentLength(response, 0);
        return new Reply.Written(response, null);
    }

    private static Map<String, Object> published(Event event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("published", event.getClass().getSimpleName());
        body.put("event", event);
        return body;
    }

    private static Map<String, Object> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return body;
    }
}
