package dev.acd.demo;

import dev.acd.config.SimulationSettings;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.model.Line;
import dev.acd.sim.ArrivalProcess;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.ClientInvite;
import dev.acd.sip.ua.InviteListener;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.address.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated customers calling in through a loopback trunk: INVITEs from 127.0.0.1 to the server's SIP address at each
 * line's configured rate (Poisson, {@link Pace#speed} times faster, the same {@link ArrivalProcess} as
 * {@code acd simulate}), dialling the line's number from a customer-directory number (some unknown), with a
 * generated voice over RTP. A caller hangs up when its patience runs out before a rep picks up (abandon), after its
 * own talk time once a rep did, or stays until the far end hangs up. Thread-safe; close once.
 */
public final class DemoCustomers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCustomers.class);
    /** Share of callers whose number is not in the directory, as in the simulator. */
    static final double UNKNOWN_CALLER_SHARE = 0.1;

    /**
     * Where the calls go and how callers behave.
     *
     * @param server  the server's SIP address (the trunk's far end)
     * @param traffic the configuration's simulation settings (arrival rates, patience, talk time)
     */
    public record Settings(InetSocketAddress server, SimulationSettings traffic, Pace pace, long seed,
            int rtpPortFirst, int rtpPortLast) {
    }

    /** What the callers did since start; may be a moment behind. */
    public record Stats(long placed, long answeredByServer, long pickedUp, long abandoned, long hungUp,
            long endedByServer, long failed, long voiceFramesHeard) {
    }

    private final Settings settings;
    private final Behaviour behaviour;
    private final List<String> knownCallers;
    private final RepPickup pickup;
    private final DemoNetwork network;
    private final SplittableRandom random;
    private final Set<String> liveNumbers = new HashSet<>();
    private final Set<CustomerCall> live = new HashSet<>();
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong answeredByServer = new AtomicLong();
    private final AtomicLong pickedUp = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong hungUp = new AtomicLong();
    private final AtomicLong endedByServer = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong voiceFramesHeard = new AtomicLong();
    private volatile boolean closing;

    private DemoCustomers(Settings settings, List<String> knownCallers, RepPickup pickup, DemoNetwork network) {
        this.settings = settings;
        this.behaviour = new Behaviour(settings.traffic(), settings.pace());
        this.knownCallers = List.copyOf(knownCallers);
        this.pickup = pickup;
        this.network = network;
        this.random = new SplittableRandom(settings.seed());
    }

    /**
     * Binds the trunk and starts the arrivals on every line with a rate.
     *
     * @param knownCallers numbers of directory customers to call from
     */
    public static DemoCustomers start(Settings settings, List<Line> lines, List<String> knownCallers,
            RepPickup pickup) {
        DemoNetwork network = DemoNetwork.start("customers", settings.rtpPortFirst(), settings.rtpPortLast());
        DemoCustomers customers = new DemoCustomers(settings, knownCallers, pickup, network);
        for (Line line : lines) {
            double perHour = settings.traffic().arrivalsPerHour().getOrDefault(line.id(), 0.0);
            if (perHour > 0) {
                // the daily profile is left out on purpose: a demo started at night should still show calls
                ArrivalProcess arrivals = new ArrivalProcess(hour -> settings.pace().perHour(perHour),
                        ZoneOffset.UTC, customers.split());
                customers.scheduleNext(line, arrivals);
            }
        }
        return customers;
    }

    /** Where the trunk sends from. */
    public InetSocketAddress sipAddress() {
        return network.sipAddress();
    }

    public Stats stats() {
        long heardLive = 0;
        synchronized (this) {
            for (CustomerCall call : live) {
                heardLive += call.media == null ? 0 : call.media.voiceFramesHeard();
            }
        }
        return new Stats(placed.get(), answeredByServer.get(), pickedUp.get(), abandoned.get(), hungUp.get(),
                endedByServer.get(), failed.get(), voiceFramesHeard.get() + heardLive);
    }

    private synchronized SplittableRandom split() {
        return random.split();
    }

    private void scheduleNext(Line line, ArrivalProcess arrivals) {
        long now = System.currentTimeMillis();
        long next = arrivals.next(now, Long.MAX_VALUE);
        network.later(next - now, () -> {
            if (!closing) {
                call(line);
                scheduleNext(line, arrivals);
            }
        });
    }

    /** Places one call to {@code line} now, from a caller not already on the phone. */
    public void call(Line line) {
        SplittableRandom callRandom = split();
        String caller = pickCaller(callRandom);
        CustomerCall call = new CustomerCall(line, caller, callRandom);
        synchronized (this) {
            live.add(call);
        }
        placed.incrementAndGet();
        network.openMedia(callRandom.split(), 150 + callRandom.nextInt(110), false).whenComplete((media, failure) -> {
            if (failure != null) {
                LOG.warn("no RTP port for a customer call: {}", failure.getMessage());
                call.finish(failed);
                return;
            }
            call.dial(media);
        });
    }

    private synchronized String pickCaller(SplittableRandom r) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String number = knownCallers.isEmpty() || r.nextDouble() < UNKNOWN_CALLER_SHARE
                    ? "+1555" + (1_000_000 + r.nextInt(8_999_999))
                    : e164(knownCallers.get(r.nextInt(knownCallers.size())));
            if (liveNumbers.add(number)) {
                return number;
            }
        }
        String fallback = "+1555" + (1_000_000 + r.nextInt(8_999_999));
        liveNumbers.add(fallback);
        return fallback;
    }

    /** A number as a SIP user part: "+" and its digits ("+1 212 555 0100" is "+12125550100"). */
    static String e164(String number) {
        return "+" + CustomerDirectory.digits(number);
    }

    /** One customer's call, from the INVITE to the hang-up. */
    private final class CustomerCall implements InviteListener {
        final Line line;
        final String caller;
        final SplittableRandom random;
        final List<ScheduledFuture<?>> timers = new ArrayList<>();
        CallMedia media;
        ClientInvite invite;
        Dialog dialog;
        RepPickup.Watch watch;
        boolean repOnTheLine;
        boolean weHungUp;
        boolean done;

        CustomerCall(Line line, String caller, SplittableRandom random) {
            this.line = line;
            this.caller = caller;
            this.random = random;
        }

        void dial(CallMedia opened) {
            SipMessage request;
            try {
                InetSocketAddress server = settings.server();
                String target = "sip:" + e164(line.number()) + "@"
                        + server.getAddress().getHostAddress() + ":" + server.getPort();
                Address to = SipFactories.addresses().createAddress(target);
                Address from = SipFactories.addresses().createAddress("sip:" + caller + "@"
                        + network.sipAddress().getAddress().getHostAddress());
                request = network.stack().newRequest("INVITE", to.getURI(), from, to, SipTransport.UDP);
                request.raw().setContent(opened.offer(MediaDirection.SENDRECV),
                        SipFactories.headers().createContentTypeHeader("application", "sdp"));
            } catch (ParseException e) {
                throw new IllegalStateException("cannot build a customer's INVITE to " + line.number(), e);
            }
            long patience = behaviour.patienceMs(random);
            synchronized (this) {
                media = opened;
                if (closing) {
                    done = true;
                    opened.close();
                    return;
                }
                watch = pickup.watch(caller, this::onPickedUp);
                if (patience != Long.MAX_VALUE) {
                    timers.add(network.later(patience, this::patienceRanOut));
                }
                invite = network.stack().invite(request, new NextHop(SipTransport.UDP, settings.server()), this);
            }
        }

        @Override
        public void onAnswered(ClientInvite call, SipMessage response, Dialog d) {
            answeredByServer.incrementAndGet();
            CallMedia m;
            synchronized (this) {
                dialog = d;
                m = media;
                if (done) {
                    network.stack().core().bye(d);
                    return;
                }
            }
            try {
                m.acceptAnswer(new String(response.raw().getRawContent() == null ? new byte[0]
                        : response.raw().getRawContent(), StandardCharsets.UTF_8));
            } catch (SdpException e) {
                LOG.warn("bad SDP from the server for a call to {}: {}", line.number(), e.getMessage());
            }
            m.talk();
            char key = menuKey();
            if (key != 0) {
                m.pressKey(key);
            }
        }

        @Override
        public void onFailed(ClientInvite call, SipMessage response) {
            boolean cancelled;
            synchronized (this) {
                cancelled = weHungUp;
            }
            if (!cancelled) {
                LOG.warn("call to {} from {} failed: {}", line.number(), caller,
                        response == null ? "no answer" : response.statusCode() + " " + response.raw().getFirstLine()
                                .strip());
            }
            finish(cancelled ? null : failed);
        }

        /** A caller answers a line's menu at once with one of its keys, drawn at random; 0 without a menu. */
        private synchronized char menuKey() {
            if (line.menu() == null || line.menu().options().isEmpty()) {
                return 0;
            }
            List<String> keys = List.copyOf(line.menu().options().keySet());
            return keys.get(random.nextInt(keys.size())).charAt(0);
        }

        /** A rep took the call: the caller talks for its own drawn time, then hangs up (unless the rep does first). */
        private void onPickedUp() {
            synchronized (this) {
                if (done || repOnTheLine) {
                    return;
                }
                repOnTheLine = true;
                timers.forEach(t -> t.cancel(false));
                timers.clear();
                timers.add(network.later(behaviour.talkMs(random), this::hangUp));
            }
            pickedUp.incrementAndGet();
        }

        private void patienceRanOut() {
            synchronized (this) {
                if (done || repOnTheLine) {
                    return;
                }
            }
            abandoned.incrementAndGet();
            hangUp();
        }

        /** BYE when the server answered, CANCEL while it has not. */
        void hangUp() {
            Dialog d;
            ClientInvite i;
            synchronized (this) {
                if (done || weHungUp) {
                    return;
                }
                weHungUp = true;
                d = dialog;
                i = invite;
            }
            if (d != null) {
                network.stack().core().bye(d);
                if (repOnTheLine) {
                    hungUp.incrementAndGet();
                }
            } else if (i != null) {
                i.cancel();
            } else {
                finish(null);
            }
        }

        @Override
        public void onTerminated(Dialog d, String reason) {
            boolean byUs;
            synchronized (this) {
                byUs = weHungUp;
            }
            finish(byUs ? null : endedByServer);
        }

        void finish(AtomicLong outcome) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                timers.forEach(t -> t.cancel(false));
                if (watch != null) {
                    watch.close();
                }
                if (media != null) {
                    voiceFramesHeard.addAndGet(media.voiceFramesHeard());
                    media.close();
                }
            }
            if (outcome != null) {
                outcome.incrementAndGet();
            }
            synchronized (DemoCustomers.this) {
                live.remove(this);
                liveNumbers.remove(caller);
            }
        }
    }

    /** Stops the arrivals, hangs up every live call and closes the trunk. */
    @Override
    public void close() {
        closing = true;
        List<CustomerCall> calls;
        synchronized (this) {
            calls = new ArrayList<>(live);
        }
        calls.forEach(CustomerCall::hangUp);
        calls.forEach(call -> call.finish(null));
        network.close();
    }
}
