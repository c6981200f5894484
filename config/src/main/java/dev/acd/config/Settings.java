package dev.acd.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.QaMeasure;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.TierScope;

/**
 * Every configuration key, declared once with its type, default and unit. The parser reads through these
 * constants and {@code docs/configuration.md} is generated from {@link #all()}; a key that is not here is unknown.
 */
public final class Settings {
    private static final List<Setting> ALL = new ArrayList<>();

    private Settings() {
    }

    // ---- top level
    public static final Setting ZONE = def("", "zone").zone("UTC")
            .doc("The center's time zone: reps without a zone of their own, the simulation's hours of the day, and the "
                    + "days and 15-minute intervals of statistics (it travels in the journal with the routing model).");
    public static final Setting TICK_INTERVAL_MS = def("", "tickIntervalMs").whole(250).unit("milliseconds").range(10, 60_000)
            .doc("How often the router gets a Tick event; overflow timers are only as precise as this.");
    public static final Setting ROUTER_WAIT_STRATEGY = def("", "routerWaitStrategy")
            .choice(RouterWaitStrategy.class, RouterWaitStrategy.BLOCKING)
            .doc("How the router's threads wait for events. blocking: no CPU while idle; at low load each event "
                    + "wakes the threads one by one. sleeping: polls every 100 us, fewer wake-ups per event but CPU "
                    + "while idle (78% of a core on the 2-core test VM, perf/RESULTS.md). yielding: a busy core per "
                    + "thread. Read at start; a reload does not change it.");
    public static final Setting JOURNAL = def("", "journal").section().doc("Where the event journal is kept.");
    public static final Setting ROUTING = def("", "routing").section().required().doc("Center-wide routing settings.");
    public static final Setting SKILLS = def("", "skills").list().required().doc("The skills calls may need and reps may have.");
    public static final Setting SEGMENTS = def("", "segments").list().required().doc("Customer segments.");
    public static final Setting PARTNERS = def("", "partners").list().doc("Partner organisations (resellers, distributors).");
    public static final Setting QUEUES = def("", "queues").list().required().doc("Queues with their tiers.");
    public static final Setting LINES = def("", "lines").list().required().doc("The numbers customers dial, each feeding a queue.");
    public static final Setting REPS = def("", "reps").list().required().doc("The reps who take calls.");
    public static final Setting CREDENTIALS = def("", "credentials").section()
            .doc("Softphone registration credentials, as digest hashes only.");
    public static final Setting OUTCOMES = def("", "outcomes").list()
            .defaultValue(List.of("won", "quote-sent", "follow-up", "no-interest", "wrong-number"))
            .doc("Disposition outcome codes reps choose from at wrap-up.");
    public static final Setting USERS = def("", "users").list().defaultValue(List.of())
            .doc("People who log in to the HTTP API and web pages, with their role; passwords as hashes only.");
    public static final Setting CUSTOMERS = def("", "customers").section().doc("The customer directory.");
    public static final Setting SIMULATION = def("", "simulation").section().doc("Settings for the simulator.");
    public static final Setting ASTERISK = def("", "asterisk").section()
            .doc("The Asterisk adapter: FastAGI routing, manager-interface events, app_queue mode, MixMonitor recordings (docs/asterisk.md).");
    public static final Setting SIP = def("", "sip").section()
            .doc("The SIP server: where softphones register and trunks send calls, timers, registrar, digest, defence, media (docs/sip.md).");

    public static final Setting HTTP = def("", "http").section()
            .doc("The HTTP API, live feed and web pages (docs/api.md, docs/web.md).");

    // ---- http
    public static final Setting HTTP_ENABLED = def("http", "enabled").bool(true)
            .doc("Whether the HTTP API and web pages are served.");
    public static final Setting HTTP_BIND = def("http", "bind").text("0.0.0.0")
            .doc("The address it listens on; 0.0.0.0 for every interface, 127.0.0.1 for this machine only.");
    public static final Setting HTTP_PORT = def("http", "port").whole(8080).range(0, 65535)
            .doc("Its TCP port; 0 takes any free port (tests).");
    public static final Setting HTTP_SESSION_HOURS = def("http", "sessionHours").whole(8).unit("hours").range(1, 168)
            .doc("How long a login lasts without being used.");

    // ---- journal
    public static final Setting JOURNAL_DIRECTORY = def("journal", "directory").text("data/journal")
            .doc("The Chronicle Queue directory, relative to the server's working directory unless absolute.");
    public static final Setting JOURNAL_RETENTION_DAYS = def("journal", "retentionDays").whole(90).unit("days").min(0)
            .doc("Days of journal files kept; 0 keeps them forever.");

    // ---- routing
    public static final Setting DEFAULT_SEGMENT = def("routing", "defaultSegment").id().required()
            .doc("Segment of callers whose number is not in the customer directory.");
    public static final Setting VALUE_BANDS = def("routing", "valueBands").list().defaultValue(List.of())
            .doc("Priority boosts by customer lifetime value; a customer gets the largest boost it reaches.");
    public static final Setting MISSES = def("routing", "misses").section()
            .doc("How many failed offers in a row of each kind set a rep not ready (0 turns the rule off).");
    public static final Setting OUTBOUND_WRAP_UP_SECONDS = def("routing", "outboundWrapUpSeconds").whole(30).unit("seconds").min(0)
            .doc("Wrap-up time after an outbound call.");
    public static final Setting PASSED_OVER_LIMIT = def("routing", "passedOverLimit").whole(5).min(0).max(100)
            .doc("How many passed-over reps a routing explanation lists.");

    public static final Setting VALUE_BAND_MIN_VALUE = def("routing.valueBands[]", "minValue").wholeLong().required()
            .unit("currency units").min(0).doc("Lifetime value from which the boost applies.");
    public static final Setting VALUE_BAND_BOOST = def("routing.valueBands[]", "boost").whole(null).required()
            .unit("priority points").min(0).doc("Priority points added to the call.");

    public static final Setting MISSES_NO_ANSWER = def("routing.misses", "noAnswer").whole(MissPolicy.DEFAULT.noAnswer())
            .unit("offers").min(0).doc("Ring-no-answers in a row.");
    public static final Setting MISSES_REJECTED = def("routing.misses", "rejected").whole(MissPolicy.DEFAULT.rejected())
            .unit("offers").min(0).doc("Declined offers in a row.");
    public static final Setting MISSES_BUSY = def("routing.misses", "busy").whole(MissPolicy.DEFAULT.busy())
            .unit("offers").min(0).doc("Busy answers in a row.");
    public static final Setting MISSES_UNREACHABLE = def("routing.misses", "unreachable").whole(MissPolicy.DEFAULT.unreachable())
            .unit("offers").min(0).doc("Unreachable phones in a row.");

    // ---- skills, segments, partners
    public static final Setting SKILL_ID = def("skills[]", "id").id().required().doc("Unique skill id, e.g. crm or lang-de.");
    public static final Setting SKILL_NAME = def("skills[]", "name").text(null).doc("Display name; defaults to the id.");

    public static final Setting SEGMENT_ID = def("segments[]", "id").id().required().doc("Unique segment id.");
    public static final Setting SEGMENT_NAME = def("segments[]", "name").text(null).doc("Display name; defaults to the id.");
    public static final Setting SEGMENT_HOME_TEAMS = def("segments[]", "homeTeams").list().defaultValue(List.of())
            .doc("Rep teams that serve this segment in a HOME_TEAM tier; each must be some rep's team.");
    public static final Setting SEGMENT_PRIORITY = def("segments[]", "priority").whole(0).unit("priority points").range(0, 1000)
            .doc("Base priority of the segment's calls; higher is served first.");

    public static final Setting PARTNER_ID = def("partners[]", "id").id().required().doc("Unique partner organisation id.");
    public static final Setting PARTNER_NAME = def("partners[]", "name").text(null).doc("Display name; defaults to the id.");

    // ---- queues
    public static final Setting QUEUE_ID = def("queues[]", "id").id().required().doc("Unique queue id.");
    public static final Setting QUEUE_NAME = def("queues[]", "name").text(null).doc("Display name; defaults to the id.");
    public static final Setting QUEUE_SKILLS = def("queues[]", "skills").map().defaultValue(Map.of())
            .doc("Skill id to minimum level (1-10) every call in the queue needs.");
    public static final Setting QUEUE_TIERS = def("queues[]", "tiers").list().required()
            .doc("The widening steps, in order of afterSeconds; at least one.");
    public static final Setting QUEUE_SERVICE_LEVEL_SECONDS = def("queues[]", "serviceLevelSeconds").whole(20).unit("seconds").min(1)
            .doc("The T of the service level: answered within T seconds.");
    public static final Setting QUEUE_SERVICE_LEVEL_GOAL = def("queues[]", "serviceLevelGoalPercent").whole(80).unit("percent").range(0, 100)
            .doc("The share of calls the center aims to answer within serviceLevelSeconds.");
    public static final Setting QUEUE_WRAP_UP_SECONDS = def("queues[]", "wrapUpSeconds").whole(30).unit("seconds").min(0)
            .doc("After-call work time before the rep is made ready again.");
    public static final Setting QUEUE_RING_TIMEOUT_SECONDS = def("queues[]", "ringTimeoutSeconds").whole(20).unit("seconds").range(1, 300)
            .doc("How long a rep's phone rings before ring-no-answer.");
    public static final Setting QUEUE_MAX_WAIT_SECONDS = def("queues[]", "maxWaitSeconds").whole(0).unit("seconds").min(0)
            .doc("Longest wait before maxWaitAction; 0 for no limit.");
    public static final Setting QUEUE_MAX_WAIT_ACTION = def("queues[]", "maxWaitAction").choice(MaxWaitAction.class, MaxWaitAction.CALLBACK)
            .doc("What happens at maxWaitSeconds: move to overflowQueue, take a callback, or hang up politely.");
    public static final Setting QUEUE_OVERFLOW_QUEUE = def("queues[]", "overflowQueue").id()
            .doc("Queue that takes the call when maxWaitAction is OVERFLOW (required then, not allowed otherwise).");
    public static final Setting QUEUE_SHORT_ABANDON_SECONDS = def("queues[]", "shortAbandonSeconds").whole(5).unit("seconds").min(0)
            .doc("Abandons quicker than this are counted apart and left out of the service level.");
    public static final Setting QUEUE_AGING = def("queues[]", "agingPointsPerMinute").whole(1).unit("priority points per minute").min(0)
            .doc("Priority a waiting call gains each minute, so nobody starves.");

    public static final Setting TIER_NAME = def("queues[].tiers[]", "name").text(null).required().doc("Name shown in routing explanations.");
    public static final Setting TIER_AFTER_SECONDS = def("queues[].tiers[]", "afterSeconds").whole(0).unit("seconds").min(0)
            .doc("Wait after which this tier opens; must not be less than the previous tier's.");
    public static final Setting TIER_SCOPE = def("queues[].tiers[]", "scope").choice(TierScope.class, null).required()
            .doc("Who this tier lets in: the customer's own rep or partner, the segment's home teams, or skilled reps.");
    public static final Setting TIER_KINDS = def("queues[].tiers[]", "kinds").list()
            .defaultValue(List.of("INSIDE", "FIELD", "PARTNER")).choices(RepKind.class)
            .doc("Rep kinds a SKILLED tier lets in; only for SKILLED tiers.");
    public static final Setting TIER_OFFER_CALLBACK = def("queues[].tiers[]", "offerCallback").bool(false)
            .doc("Whether reaching this tier offers the caller a callback instead of waiting.");

    // ---- lines
    public static final Setting LINE_ID = def("lines[]", "id").id().required().doc("Unique line id.");
    public static final Setting LINE_NUMBER = def("lines[]", "number").text(null).required()
            .doc("The number customers dial; matched by its digits, so spaces and dashes do not matter.");
    public static final Setting LINE_NAME = def("lines[]", "name").text(null).doc("Display name; defaults to the id.");
    public static final Setting LINE_QUEUE = def("lines[]", "queue").id().required().doc("The queue the line's calls go to.");
    public static final Setting LINE_MENU = def("lines[]", "menu").section()
            .doc("An optional DTMF menu (RFC 4733): the caller hears a prompt and presses a key that picks the queue.");

    public static final Setting MENU_PROMPT = def("lines[].menu", "prompt").text(null)
            .doc("An 8 kHz mono WAV file (16-bit PCM, mu-law or A-law) played as the menu's prompt, relative to the YAML "
                    + "file; none or 'builtin': the built-in spoken prompt, which lists the menu's keys (\"press one or two now\").");
    public static final Setting MENU_TIMEOUT_SECONDS = def("lines[].menu", "timeoutSeconds").whole(5).unit("seconds")
            .range(1, 60).doc("How long the caller has to press a key once the prompt has ended (a key during it counts too); then the default queue.");
    public static final Setting MENU_DEFAULT = def("lines[].menu", "default").id().required()
            .doc("The queue of a caller who presses no key, or a key the menu lacks twice (the prompt is replayed once).");
    public static final Setting MENU_OPTIONS = def("lines[].menu", "options").map().required()
            .doc("Key to queue id, e.g. \"1\": sales; keys are 0-9, * and # (quote * and #, YAML reads them otherwise).");

    // ---- reps
    public static final Setting REP_ID = def("reps[]", "id").id().required().doc("Unique rep id.");
    public static final Setting REP_NAME = def("reps[]", "name").text(null).doc("Display name; defaults to the id.");
    public static final Setting REP_KIND = def("reps[]", "kind").choice(RepKind.class, RepKind.INSIDE)
            .doc("INSIDE (contact-center sales), FIELD (outside sales, live windows only) or PARTNER.");
    public static final Setting REP_TEAM = def("reps[]", "team").id().required().doc("The rep's team, named by segments' homeTeams.");
    public static final Setting REP_SKILLS = def("reps[]", "skills").map().defaultValue(Map.of())
            .doc("Skill id to level, 1 (novice) to 10 (expert).");
    public static final Setting REP_TERRITORY = def("reps[]", "territory").text(null).doc("Sales territory, or none.");
    public static final Setting REP_PARTNER = def("reps[]", "partner").id()
            .doc("The partner organisation of a PARTNER rep (required for them, not allowed for others).");
    public static final Setting REP_REACH = def("reps[]", "reach").section()
            .doc("How the rep is rung: exactly one of softphone, outsideNumber, sipUri. Default: softphone with the rep id.");
    public static final Setting REP_ZONE = def("reps[]", "zone").zone(null).doc("The rep's time zone; defaults to the center's zone.");
    public static final Setting REP_LIVE_WINDOWS = def("reps[]", "liveWindows").list().defaultValue(List.of())
            .doc("When a FIELD rep takes live calls, in the rep's zone; at least one for FIELD reps, none for others.");

    public static final Setting REACH_SOFTPHONE = def("reps[].reach", "softphone").text(null)
            .doc("SIP user name the rep's softphone registers as.");
    public static final Setting REACH_OUTSIDE_NUMBER = def("reps[].reach", "outsideNumber").text(null)
            .doc("A number dialled out through the trunk, e.g. a mobile, in E.164 (+ and digits).");
    public static final Setting REACH_SIP_URI = def("reps[].reach", "sipUri").text(null)
            .doc("A sip: or sips: URI at a partner's own system.");

    public static final Setting WINDOW_DAYS = def("reps[].liveWindows[]", "days").list().required()
            .doc("Days of the week: MON..SUN, full names, or ranges like MON-FRI.");
    public static final Setting WINDOW_START = def("reps[].liveWindows[]", "start").time(null).required()
            .doc("Start of the window (included).");
    public static final Setting WINDOW_END = def("reps[].liveWindows[]", "end").time(null).required()
            .doc("End of the window (excluded); before start means it runs past midnight.");

    // ---- credentials
    public static final Setting REALM = def("credentials", "realm").text("acd")
            .doc("The digest realm softphones are challenged with; the HA1 hashes must be made with it.");
    public static final Setting SOFTPHONES = def("credentials", "softphones").list().defaultValue(List.of())
            .doc("One entry per softphone user. Plain passwords are refused.");
    public static final Setting SOFTPHONE_USER = def("credentials.softphones[]", "user").text(null).required()
            .doc("The SIP user name; must be some rep's reach.softphone.");
    public static final Setting SOFTPHONE_MD5 = def("credentials.softphones[]", "md5").text(null)
            .doc("HA1 for MD5: 32 hex digits of MD5(user:realm:password).");
    public static final Setting SOFTPHONE_SHA256 = def("credentials.softphones[]", "sha256").text(null)
            .doc("HA1 for SHA-256: 64 hex digits of SHA-256(user:realm:password). At least one of md5, sha256.");

    // ---- users
    public static final Setting USER_NAME = def("users[]", "name").id().required().doc("Unique login name.");
    public static final Setting USER_ROLE = def("users[]", "role").choice(WebRole.class, null).required()
            .doc("REP (one rep's own state, calls and figures), SUPERVISOR (everything live and historical, rep "
                    + "control, recordings) or ADMIN (a supervisor who may also change the configuration).");
    public static final Setting USER_REP = def("users[]", "rep").id()
            .doc("The rep a REP user is; required for REP, not allowed for the other roles.");
    public static final Setting USER_PBKDF2 = def("users[]", "pbkdf2").text(null).required()
            .doc("The password's PBKDF2 hash, pbkdf2-sha256$ITERATIONS$SALT$KEY, made by `acd hash-password --web NAME`.");

    // ---- customers
    public static final Setting CUSTOMERS_FILE = def("customers", "file").text(null)
            .doc("A CSV file of customers, relative to the YAML file; columns as in customers.inline[].");
    public static final Setting CUSTOMERS_INLINE = def("customers", "inline").list().defaultValue(List.of())
            .doc("Customers written in the YAML file itself.");

    public static final Setting CUSTOMER_ID = def("customers.inline[]", "id").id().required().doc("Unique customer id.");
    public static final Setting CUSTOMER_NAME = def("customers.inline[]", "name").text(null).required().doc("Contact name.");
    public static final Setting CUSTOMER_ACCOUNT = def("customers.inline[]", "account").text(null).doc("Company (account) name.");
    public static final Setting CUSTOMER_NUMBERS = def("customers.inline[]", "numbers").list().required()
            .doc("Phone numbers the customer calls from (in CSV: separated by ';'); unique across customers.");
    public static final Setting CUSTOMER_SEGMENT = def("customers.inline[]", "segment").id().required().doc("The customer's segment.");
    public static final Setting CUSTOMER_LIFETIME_VALUE = def("customers.inline[]", "lifetimeValue").wholeLong(0L)
            .unit("currency units").min(0).doc("Lifetime value, used by routing.valueBands.");
    public static final Setting CUSTOMER_ACCOUNT_OWNER = def("customers.inline[]", "accountOwner").id()
            .doc("Rep who owns the account, tried first by RELATIONSHIP tiers.");
    public static final Setting CUSTOMER_TERRITORY = def("customers.inline[]", "territory").text(null).doc("Sales territory.");
    public static final Setting CUSTOMER_PARTNER = def("customers.inline[]", "partner").id()
            .doc("Partner organisation that owns the account; its reps are tried by RELATIONSHIP tiers.");
    public static final Setting CUSTOMER_LANGUAGE = def("customers.inline[]", "language").text(null)
            .doc("Preferred language, e.g. de; calls then need the skill lang-<language>, which must exist.");

    // ---- simulation
    public static final Setting SIM_SEED = def("simulation", "seed").wholeLong(1L).doc("Seed of the simulator's random numbers.");
    public static final Setting SIM_ARRIVALS = def("simulation", "arrivalsPerHour").map().defaultValue(Map.of())
            .unit("calls per hour").doc("Line id to calls per hour at profile weight 1.0; unlisted lines get no calls.");
    public static final Setting SIM_DAILY_PROFILE = def("simulation", "dailyProfile").text("business-day")
            .doc("Hourly weights of arrivals: business-day, office-hours, flat, or a list of 24 numbers >= 0 (hour 0 first).");
    public static final Setting SIM_TALK_TIME = def("simulation", "talkTime").section()
            .defaultValue(Distribution.lognormal(300, 0.7)).unit("seconds").doc("Talk time of an answered call.");
    public static final Setting SIM_WRAP_TIME = def("simulation", "wrapTime").section()
            .defaultValue(Distribution.exponential(40)).unit("seconds").doc("After-call work reps take (capped by the queue's wrapUpSeconds).");
    public static final Setting SIM_HOLD_PROBABILITY = def("simulation", "holdProbability").decimal(0.2).unit("probability").range(0, 1)
            .doc("Chance a call is put on hold once.");
    public static final Setting SIM_MEAN_HOLD_SECONDS = def("simulation", "meanHoldSeconds").decimal(45.0).unit("seconds").min(0)
            .doc("Mean hold length (exponential).");
    public static final Setting SIM_ANSWER_DELAY = def("simulation", "answerDelay").section()
            .defaultValue(Distribution.lognormal(4, 0.5)).unit("seconds").doc("Time from ringing to the rep picking up.");
    public static final Setting SIM_NO_ANSWER_PROBABILITY = def("simulation", "noAnswerProbability").decimal(0.03).unit("probability").range(0, 1)
            .doc("Chance an offered call rings out.");
    public static final Setting SIM_REJECT_PROBABILITY = def("simulation", "rejectProbability").decimal(0.01).unit("probability").range(0, 1)
            .doc("Chance a rep declines an offered call.");
    public static final Setting SIM_BREAKS_PER_REP = def("simulation", "breaksPerRepPerDay").whole(3).unit("breaks").range(0, 20)
            .doc("Breaks each rep takes in a shift.");
    public static final Setting SIM_BREAK_MEAN_SECONDS = def("simulation", "breakMeanSeconds").decimal(900.0).unit("seconds").min(0)
            .doc("Mean break length (exponential).");
    public static final Setting SIM_PATIENCE_MEAN_SECONDS = def("simulation", "patienceMeanSeconds").decimal(180.0).unit("seconds").min(1)
            .doc("Mean time a caller waits before hanging up (exponential).");
    public static final Setting SIM_DISPOSITION_MIX = def("simulation", "dispositionMix").map()
            .defaultValue(orderedMap("won", 0.1, "quote-sent", 0.2, "follow-up", 0.35, "no-interest", 0.3, "wrong-number", 0.05))
            .unit("probability").doc("Outcome code to the share of handled calls ending with it; shares sum to 1.");
    public static final Setting SIM_REVENUE_MEANS = def("simulation", "revenueMeans").map()
            .defaultValue(orderedMap("won", 6000.0)).unit("currency units")
            .doc("Outcome code to the mean revenue of a call with that outcome.");
    public static final Setting SIM_SHIFT_START = def("simulation", "shiftStart").time("08:00").doc("When reps log in.");
    public static final Setting SIM_SHIFT_END = def("simulation", "shiftEnd").time("18:00").doc("When reps log out; after shiftStart.");

    public static final Setting DIST_KIND = def("simulation.<distribution>", "kind")
            .choice(Distribution.Kind.class, null).required().doc("The shape (talkTime, wrapTime, answerDelay).");
    public static final Setting DIST_MEAN = def("simulation.<distribution>", "mean").decimal(null).required().unit("seconds").min(0)
            .doc("The mean; for fixed, the value.");
    public static final Setting DIST_SIGMA = def("simulation.<distribution>", "sigma").decimal(null).min(0.01).max(5)
            .doc("Shape of a lognormal (standard deviation of the underlying normal); required for lognormal, not allowed otherwise.");

    // ---- asterisk
    public static final Setting ASTERISK_FASTAGI = def("asterisk", "fastagi").section()
            .doc("The FastAGI routing service Asterisk's dialplan calls with AGI(agi://host:port/route?line=...).");
    public static final Setting ASTERISK_AMI = def("asterisk", "ami").section()
            .doc("The connection to Asterisk's manager interface (AMI), for exact call events.");
    public static final Setting ASTERISK_BRING_YOUR_OWN_QUEUE = def("asterisk", "bringYourOwnQueue").bool(false)
            .doc("Translate app_queue's events (caller join/leave/abandon, member connect/complete/pause) into ours, for "
                    + "sites that keep Asterisk's own queues; needs ami.enabled.");
    public static final Setting ASTERISK_RECORDINGS_DIRECTORY = def("asterisk", "recordingsDirectory").text(null)
            .doc("Where MixMonitor writes finished recordings named acd-<call id>.wav (or .WAV, .gsm); each new file is "
                    + "announced as RecordingReady. None: not watched.");

    public static final Setting FASTAGI_ENABLED = def("asterisk.fastagi", "enabled").bool(false)
            .doc("Whether the FastAGI routing service listens.");
    public static final Setting FASTAGI_BIND = def("asterisk.fastagi", "bind").text("0.0.0.0")
            .doc("The address it listens on; 0.0.0.0 for every interface.");
    public static final Setting FASTAGI_PORT = def("asterisk.fastagi", "port").whole(4573).range(1, 65535)
            .doc("Its TCP port.");
    public static final Setting FASTAGI_MAX_WAITING_CALLS = def("asterisk.fastagi", "maxWaitingCalls").whole(200)
            .unit("calls").range(1, 5000)
            .doc("AGI calls waiting in our queues at once; each holds a thread while it waits. Past it the route script "
                    + "answers ACD_STATUS=FULL at once so the dialplan can fall back.");
    public static final Setting FASTAGI_TRUNK_DIAL_PATTERN = def("asterisk.fastagi", "trunkDialPattern")
            .text("PJSIP/{number}@trunk")
            .doc("The Dial() string for reps reached at an outside number; {number} becomes the number.");

    public static final Setting AMI_ENABLED = def("asterisk.ami", "enabled").bool(false)
            .doc("Whether to connect to the manager interface.");
    public static final Setting AMI_HOST = def("asterisk.ami", "host").text("localhost").doc("Manager interface host.");
    public static final Setting AMI_PORT = def("asterisk.ami", "port").whole(5038).range(1, 65535)
            .doc("Manager interface TCP port.");
    public static final Setting AMI_USER = def("asterisk.ami", "user").text(null)
            .doc("Manager user (its manager.conf section); required when enabled.");
    public static final Setting AMI_SECRET = def("asterisk.ami", "secret").text(null)
            .doc("That user's secret; required when enabled.");

    // ---- sip
    public static final Setting SIP_ENABLED = def("sip", "enabled").bool(true)
            .doc("Whether the SIP server runs (a configuration without a sip section gets it with these defaults).");
    public static final Setting SIP_BIND = def("sip", "bind").text("0.0.0.0")
            .doc("The address SIP listens on; 0.0.0.0 for every interface, 127.0.0.1 for this machine only.");
    public static final Setting SIP_PORT = def("sip", "port").whole(5060).range(0, 65535)
            .doc("The UDP and TCP port; 0 picks a free one (tests).");
    public static final Setting SIP_TRANSPORTS = def("sip", "transports").list().defaultValue(List.of("udp", "tcp"))
            .doc("Transports to listen on: udp, tcp or both.");
    public static final Setting SIP_ADVERTISED_ADDRESS = def("sip", "advertisedAddress").text(null)
            .doc("The address written in our Via, Contact and SDP, for a server behind NAT or bound to 0.0.0.0; "
                    + "none means the bound address, or this host's first non-loopback address when bound to 0.0.0.0.");
    public static final Setting SIP_IO_THREADS = def("sip", "ioThreads").whole(0).unit("threads").range(0, 256)
            .doc("Netty event-loop threads for SIP, each with its own UDP socket on the SIP port (native epoll); calls "
                    + "spread over them by Call-ID. 0 lets Netty choose (twice the cores).");
    public static final Setting SIP_TCP_IDLE_TIMEOUT_SECONDS = def("sip", "tcpIdleTimeoutSeconds").whole(120)
            .unit("seconds").range(1, 86_400)
            .doc("A TCP connection with no traffic either way for this long is closed; keep it above the phones' keep-alive interval.");
    public static final Setting SIP_TIMERS = def("sip", "timers").section()
            .doc("The RFC 3261 base intervals every transaction timer derives from.");
    public static final Setting SIP_REGISTRAR = def("sip", "registrar").section()
            .doc("Softphone registrations: expiry limits and OPTIONS pings.");
    public static final Setting SIP_DIGEST = def("sip", "digest").section()
            .doc("Digest authentication of REGISTER (RFC 7616).");
    public static final Setting SIP_DEFENCE = def("sip", "defence").section()
            .doc("Blocking of sources that fail authentication too often.");
    public static final Setting SIP_TRUNK = def("sip", "trunk").section()
            .doc("The SIP trunk: who may send calls in, where calls go out, the caller ID they carry.");
    public static final Setting SIP_MEDIA = def("sip", "media").section()
            .doc("RTP ports, one-way-audio detection, music on hold and prompts.");
    public static final Setting SIP_CALLS = def("sip", "calls").section()
            .doc("How call control makes sure every call ends when a party vanishes without a BYE (docs/calls.md).");
    public static final Setting SIP_TEST_EXTENSION = def("sip", "testExtension").text(null)
            .doc("A user part (e.g. echo) answered by a built-in test line that echoes your audio back and hangs up on "
                    + "BYE, for checking a phone or trunk; none turns it off.");
    public static final Setting SIP_TEST_EXTENSION_RING_MS = def("sip", "testExtensionRingMs").whole(1000)
            .unit("milliseconds").range(0, 60_000)
            .doc("How long the test line rings (180) before it answers.");

    public static final Setting SIP_T1_MS = def("sip.timers", "t1Ms").whole(500).unit("milliseconds").range(1, 60_000)
            .doc("T1, the round-trip estimate; retransmissions start at T1 and transactions give up after 64*T1.");
    public static final Setting SIP_T2_MS = def("sip.timers", "t2Ms").whole(4_000).unit("milliseconds").range(1, 600_000)
            .doc("T2, the longest retransmission interval; not below t1Ms.");
    public static final Setting SIP_T4_MS = def("sip.timers", "t4Ms").whole(5_000).unit("milliseconds").range(1, 600_000)
            .doc("T4, the longest a message stays in the network.");

    public static final Setting REGISTRAR_MIN_EXPIRES = def("sip.registrar", "minExpiresSeconds").whole(60)
            .unit("seconds").range(1, 86_400).doc("Registrations asked for with less (but not 0) get 423 Interval Too Brief.");
    public static final Setting REGISTRAR_MAX_EXPIRES = def("sip.registrar", "maxExpiresSeconds").whole(3600)
            .unit("seconds").range(1, 86_400).doc("Longer registrations are shortened to this.");
    public static final Setting REGISTRAR_DEFAULT_EXPIRES = def("sip.registrar", "defaultExpiresSeconds").whole(3600)
            .unit("seconds").range(1, 86_400)
            .doc("Used when a REGISTER names no expiry; between minExpiresSeconds and maxExpiresSeconds.");
    public static final Setting REGISTRAR_MAX_CONTACTS = def("sip.registrar", "maxContactsPerUser").whole(10)
            .unit("contacts").range(1, 100).doc("Phones one user name may register; past it the one expiring first is replaced.");
    public static final Setting REGISTRAR_PING_INTERVAL = def("sip.registrar", "pingIntervalSeconds").whole(30)
            .unit("seconds").range(0, 3600).doc("How often each registered phone gets an OPTIONS ping; 0 turns pings off.");
    public static final Setting REGISTRAR_PING_MAX_MISSES = def("sip.registrar", "pingMaxMisses").whole(2)
            .unit("pings").range(1, 100).doc("Unanswered pings in a row after which the registration is dropped (rep unreachable).");

    public static final Setting DIGEST_ALGORITHMS = def("sip.digest", "algorithms").list()
            .defaultValue(List.of("SHA-256", "MD5"))
            .doc("Algorithms offered, one challenge each in this order: SHA-256, MD5. Some phones give up when any "
                    + "challenge is not MD5 (baresip 1.0) or read only the first (SIPp 3.6): offer [MD5] to them.");
    public static final Setting DIGEST_NONCE_LIFETIME = def("sip.digest", "nonceLifetimeSeconds").whole(300)
            .unit("seconds").range(1, 86_400).doc("A nonce older than this gets a new challenge with stale=true.");
    public static final Setting DIGEST_ACCEPT_NO_QOP = def("sip.digest", "acceptNoQop").bool(false)
            .doc("Accept old RFC 2069 answers without qop (one use per nonce); only for phones that need it.");

    public static final Setting DEFENCE_WINDOW = def("sip.defence", "windowSeconds").whole(60).unit("seconds")
            .range(1, 86_400).doc("The sliding window failed authentications are counted in.");
    public static final Setting DEFENCE_MAX_FAILURES_PER_SOURCE = def("sip.defence", "maxFailuresPerSource").whole(10)
            .unit("failures").range(1, 1000).doc("Failures from one address within the window that block it.");
    public static final Setting DEFENCE_MAX_FAILURES_PER_USER = def("sip.defence", "maxFailuresPerUser").whole(20)
            .unit("failures").range(1, 1000)
            .doc("Failures for one user name (any address) within the window past which every further failing address is blocked.");
    public static final Setting DEFENCE_BLOCK = def("sip.defence", "blockSeconds").whole(600).unit("seconds")
            .range(1, 604_800).doc("How long a block lasts; its requests are dropped unanswered meanwhile.");

    public static final Setting TRUNK_ALLOWED_SOURCES = def("sip.trunk", "allowedSources").list().defaultValue(List.of())
            .doc("Addresses and networks (CIDR, e.g. 203.0.113.0/24) calls may come in from; no host names.");
    public static final Setting TRUNK_ADDRESS = def("sip.trunk", "address").text(null)
            .doc("Where outbound calls go: host:port of the carrier, SBC or PBX (an IP address, no DNS); none: no outbound calls.");
    public static final Setting TRUNK_TRANSPORT = def("sip.trunk", "transport").oneOf(List.of("udp", "tcp")).defaultValue("udp")
            .doc("The transport to the trunk.");
    public static final Setting TRUNK_CALLER_ID = def("sip.trunk", "callerId").text(null)
            .doc("The number outbound calls present (E.164, + and digits); none: the carrier's default.");
    public static final Setting TRUNK_DIAL_RULES = def("sip.trunk", "dialRules").list().defaultValue(List.of())
            .doc("Which numbers reps may dial out, first match wins: entries 'allow REGEX' or 'deny REGEX' searched "
                    + "in the dialled number (anchor with ^ and $), e.g. 'deny ^\\+1900', 'allow ^\\+1\\d{10}$', 'deny .*'. "
                    + "A number no rule matches is refused; no rules at all: every number. A refused call gets 403 naming the rule.");

    public static final Setting MEDIA_RTP_PORT_FIRST = def("sip.media", "rtpPortFirst").whole(20000).range(1024, 65534)
            .doc("The lowest RTP port (even); each leg takes an even port and the odd one above it.");
    public static final Setting MEDIA_RTP_PORT_LAST = def("sip.media", "rtpPortLast").whole(29999).range(1025, 65535)
            .doc("The highest port of the RTP range.");
    public static final Setting MEDIA_NO_MEDIA_TIMEOUT = def("sip.media", "noMediaTimeoutSeconds").whole(10)
            .unit("seconds").range(0, 3600).doc("A leg receiving no RTP this long is reported as one-way audio; 0 turns it off.");
    public static final Setting MEDIA_MUSIC_ON_HOLD = def("sip.media", "musicOnHold").text(null)
            .doc("An 8 kHz mono WAV file played to waiting and held callers, relative to the YAML file; none: the built-in tune.");
    public static final Setting MEDIA_ANNOUNCE_INTERVAL = def("sip.media", "announceIntervalSeconds").whole(30)
            .unit("seconds").range(0, 3600).doc("How often a waiting caller hears the announcement between the music "
                    + "(thank you for holding, position in the queue, expected wait when there is an estimate); 0: never.");
    public static final Setting MEDIA_PROMPTS_DIRECTORY = def("sip.media", "promptsDirectory").text(null)
            .doc("A directory of 8 kHz mono WAV prompts (16-bit PCM, mu-law or A-law), relative to the YAML file, named as "
                    + "the built-in ones (goodbye.wav, callback_offer.wav, n3.wav, ...: see docs/calls.md); each replaces its "
                    + "built-in prompt, the rest stay built in. Prompts are English only for now. None: the built-in English set.");

    public static final Setting CALLS_KEEPALIVE = def("sip.calls", "keepaliveSeconds").whole(30).unit("seconds")
            .range(0, 3600).doc("Each answered leg (customer, rep, outside number) gets an in-dialog OPTIONS this often; "
                    + "a 481, a 408 or no answer within 64*T1 ends the call (BYE to the other leg, CallEnded by SYSTEM "
                    + "'... leg lost'), and the rep goes to wrap-up. 0 turns it off.");
    public static final Setting CALLS_RTP_TIMEOUT = def("sip.calls", "rtpTimeoutSeconds").whole(60).unit("seconds")
            .range(0, 3600).doc("A bridged call that has carried RTP and then gets none from either side this long "
                    + "is hung up (CallEnded by SYSTEM 'no RTP from either side'); not while on hold, never for calls "
                    + "that carried no RTP at all (signalling-only peers). 0 turns it off.");
    public static final Setting CALLS_DIAL_TIMEOUT = def("sip.calls", "dialTimeoutSeconds").whole(120).unit("seconds")
            .range(0, 3600).doc("A call out through the trunk (a rep's outbound call, a transfer to a number) that "
                    + "rings this long unanswered is cancelled; the rep's phone gets 408. 0: no limit.");

    // ---- quality assurance
    public static final Setting QA = def("", "qa").section()
            .doc("Quality assurance of recorded calls: scorecards per queue or segment, review rules, QA workers.");
    public static final Setting QA_WORKERS = def("qa", "workers").whole(2).unit("threads").range(1, 64)
            .doc("Threads analysing and scoring recordings, off the call path.");
    public static final Setting QA_DEAD_AIR_SECONDS = def("qa", "deadAirSeconds").decimal(5.0).unit("seconds").range(0.5, 600)
            .doc("A pause with neither party speaking counts as dead air (dead-air-count, dead-air-total-s) from this long.");
    public static final Setting QA_WAIT_FOR_WRAP_UP_SECONDS = def("qa", "waitForWrapUpSeconds").whole(120).unit("seconds").range(0, 3600)
            .doc("How long scoring waits after the recording for the rep's wrap-up to end, when the scorecard scores "
                    + "wrap time, handle time or the disposition; other calls are scored at once.");
    public static final Setting QA_BUSY_CALLS = def("qa", "busyCalls").whole(100).unit("calls").range(0, 100_000)
            .doc("From this many calls carrying audio through the relay at once, QA scoring yields to them: each "
                    + "worker takes at most busyShare of a core, resting after each recording in proportion to the "
                    + "time it took; the backlog is scored as the calls thin out. 0: never slow down.");
    public static final Setting QA_BUSY_SHARE = def("qa", "busyShare").decimal(0.25).range(0.05, 1)
            .doc("The share of a core each QA worker may take while the relay is busy (busyCalls); 1: no limit.");
    public static final Setting QA_DEFAULT_SCORECARD = def("qa", "defaultScorecard").id()
            .doc("The scorecard of calls no scorecard claims by queue or segment; none means the built-in default scorecard.");
    public static final Setting QA_REVIEW = def("qa", "review").section()
            .doc("Which scored calls go to the supervisors' review queue.");
    public static final Setting QA_SCORECARDS = def("qa", "scorecards").list().defaultValue(List.of())
            .doc("The scorecards; without any, every call is scored on the built-in default scorecard.");

    public static final Setting QA_REVIEW_MIN_SCORE = def("qa.review", "minScore").decimal(60.0).unit("points").range(0, 100)
            .doc("Calls whose automatic score is under this go to review.");
    public static final Setting QA_REVIEW_ONE_WAY_AUDIO = def("qa.review", "oneWayAudio").bool(true)
            .doc("Whether calls with one channel silent throughout go to review.");
    public static final Setting QA_REVIEW_DEAD_AIR_SECONDS = def("qa.review", "deadAirSeconds").decimal(15.0).unit("seconds").range(1, 3600)
            .doc("Calls with a pause this long or longer inside the conversation go to review.");

    public static final Setting SCORECARD_ID = def("qa.scorecards[]", "id").id().required()
            .doc("Unique scorecard id, journaled with every score.");
    public static final Setting SCORECARD_NAME = def("qa.scorecards[]", "name").text(null).doc("Display name; defaults to the id.");
    public static final Setting SCORECARD_QUEUES = def("qa.scorecards[]", "queues").list().defaultValue(List.of())
            .doc("Queues whose calls this scorecard scores; a queue belongs to one scorecard at most.");
    public static final Setting SCORECARD_SEGMENTS = def("qa.scorecards[]", "segments").list().defaultValue(List.of())
            .doc("Segments whose calls this scorecard scores when no scorecard claims the call's queue; one scorecard each.");
    public static final Setting SCORECARD_HANDLE_TIME_TARGET = def("qa.scorecards[]", "handleTimeTargetSeconds").whole(360)
            .unit("seconds").min(1).doc("The handle time these calls aim at, for the measure handle-time-target-ratio.");
    public static final Setting SCORECARD_MANUAL_SHARE = def("qa.scorecards[]", "manualShare").decimal(0.5).range(0, 1)
            .doc("Share of the supervisors' ratings in a rated call's merged score (the automatic score has the rest).");
    public static final Setting SCORECARD_MANUAL_CRITERIA = def("qa.scorecards[]", "manualCriteria").list()
            .defaultValue(List.of("product-knowledge", "technical-knowledge", "communication-skills", "problem-solving"))
            .doc("What supervisors rate by hand, 1 (poor) to 5 (excellent), with a comment each; ids, unique.");
    public static final Setting SCORECARD_CRITERIA = def("qa.scorecards[]", "criteria").list().required()
            .doc("The automatic criteria, at least one; a call's score is their points weighted by their weights.");

    public static final Setting CRITERION_NAME = def("qa.scorecards[].criteria[]", "name").text(null).required()
            .doc("Name, unique in the scorecard; statistics show it as the column qa_criterion_<name>.");
    public static final Setting CRITERION_MEASURE = def("qa.scorecards[].criteria[]", "measure")
            .oneOf(measureNames()).required().doc("What is scored; docs/qa.md says what each measure is and its unit.");
    public static final Setting CRITERION_WEIGHT = def("qa.scorecards[].criteria[]", "weight").decimal(null).required()
            .min(0).doc("Weight of the criterion in the scorecard, above 0; only the ratio between weights matters.");
    public static final Setting CRITERION_BANDS = def("qa.scorecards[].criteria[]", "bands").list().required()
            .doc("Bands mapping the measured value to points, ascending and not overlapping; a value in no band earns 0.");

    public static final Setting BAND_FROM = def("qa.scorecards[].criteria[].bands[]", "from").decimal(null)
            .doc("Lowest value of the band (included); none means no lower limit.");
    public static final Setting BAND_TO = def("qa.scorecards[].criteria[].bands[]", "to").decimal(null)
            .doc("Value where the band ends (excluded); none means no upper limit.");
    public static final Setting BAND_POINTS = def("qa.scorecards[].criteria[].bands[]", "points").decimal(null).required()
            .unit("points").range(0, 100).doc("Points a value in the band earns.");

    /** Every setting, in declaration order. */
    public static List<Setting> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The settings of one section, in declaration order. */
    public static List<Setting> inSection(String section) {
        return ALL.stream().filter(s -> s.section().equals(section)).collect(Collectors.toList());
    }

    /** A setting by section and key. */
    public static Optional<Setting> find(String section, String key) {
        return ALL.stream().filter(s -> s.section().equals(section) && s.key().equals(key)).findFirst();
    }

    private static List<String> measureNames() {
        return Arrays.stream(QaMeasure.values()).map(QaMeasure::configName).collect(Collectors.toList());
    }

    private static Map<String, Double> orderedMap(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Def def(String section, String key) {
        return new Def(section, key);
    }

    /** Fills in one setting; {@link #doc(String)} declares it. */
    private static final class Def {
        private final String section;
        private final String key;
        private Setting.Type type = Setting.Type.TEXT;
        private Object defaultValue;
        private String unit = "";
        private Double min;
        private Double max;
        private boolean required;
        private List<String> choices = List.of();

        Def(String section, String key) {
            this.section = section;
            this.key = key;
        }

        Def text(String value) {
            type = Setting.Type.TEXT;
            defaultValue = value;
            return this;
        }

        Def id() {
            type = Setting.Type.ID;
            return this;
        }

        Def whole(Integer value) {
            type = Setting.Type.WHOLE;
            defaultValue = value;
            return this;
        }

        Def wholeLong() {
            type = Setting.Type.WHOLE;
            return this;
        }

        Def wholeLong(Long value) {
            type = Setting.Type.WHOLE;
            defaultValue = value;
            return this;
        }

        Def decimal(Double value) {
            type = Setting.Type.DECIMAL;
            defaultValue = value;
            return this;
        }

        Def bool(boolean value) {
            type = Setting.Type.BOOLEAN;
            defaultValue = value;
            return this;
        }

        Def time(String value) {
            type = Setting.Type.TIME;
            defaultValue = value;
            return this;
        }

        Def zone(String value) {
            type = Setting.Type.ZONE;
            defaultValue = value;
            return this;
        }

        <E extends Enum<E>> Def choice(Class<E> values, E value) {
            type = Setting.Type.CHOICE;
            defaultValue = value == null ? null : value.name();
            return choices(values);
        }

        <E extends Enum<E>> Def choices(Class<E> values) {
            choices = Arrays.stream(values.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
            return this;
        }

        Def oneOf(List<String> values) {
            type = Setting.Type.CHOICE;
            choices = values;
            return this;
        }

        Def list() {
            type = Setting.Type.LIST;
            return this;
        }

        Def map() {
            type = Setting.Type.MAP;
            return this;
        }

        Def section() {
            type = Setting.Type.SECTION;
            return this;
        }

        Def defaultValue(Object value) {
            defaultValue = value;
            return this;
        }

        Def unit(String value) {
            unit = value;
            return this;
        }

        Def min(double value) {
            min = value;
            return this;
        }

        Def max(double value) {
            max = value;
            return this;
        }

        Def range(double low, double high) {
            min = low;
            max = high;
            return this;
        }

        Def required() {
            required = true;
            return this;
        }

        Setting doc(String description) {
            Setting setting = new Setting(section, key, type, defaultValue, unit, min, max, required, choices, description);
            ALL.add(setting);
            return setting;
        }
    }
}
