package dev.acd.demo;

import dev.acd.config.SimulationSettings;
import dev.acd.sip.auth.ClientDigest;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionState;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.RequestHandler;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated reps: one softphone per account, all on one SIP stack with a contact each
 * ({@code sip:<user>@127.0.0.1:<port>}). Each registers with digest and refreshes before expiry; logs in through the
 * {@link RepDesk} once registered; rings on an INVITE (180), then answers after the configured delay, lets it ring
 * or declines with the configured probabilities; talks with a generated voice over RTP; holds now and then
 * (re-INVITE sendonly, then sendrecv); hangs up after a drawn talk time or waits for the other side's BYE; and
 * says ready after its wrap-up time. Thread-safe; close once.
 */
public final class DemoReps implements RequestHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoReps.class);
    /** Registration lifetime asked for; refreshed at {@link #REFRESH_SHARE} of what the registrar granted. */
    static final int REGISTER_EXPIRES_SECONDS = 300;
    private static final double REFRESH_SHARE = 0.8;
    /** A call nobody cancels is given up after this long ringing (the server's ring timeout is far shorter). */
    private static final long MAX_RING_MS = 120_000;
    /** Registration retried this long after a timeout or an unexpected answer. */
    private static final long RETRY_MS = 5_000;

    /**
     * Where the phones register and what they do.
     *
     * @param registrar the server's SIP address
     * @param domain    the domain of the reps' addresses-of-record (the digest realm in the demo configuration)
     * @param traffic   the configuration's simulation settings (answer delay, talk, hold, wrap time, misses)
     * @param seed      random seed; the same seed gives the same draws in the same order of events
     */
    public record Settings(InetSocketAddress registrar, String domain, SimulationSettings traffic, Pace pace,
            long seed, int rtpPortFirst, int rtpPortLast) {
    }

    /** What the phones did since start; counters may be a moment behind. */
    public record Stats(int registered, long offered, long answered, long declined, long ignored, long ended,
            long voiceFramesHeard) {
    }

    private final Settings settings;
    private final Behaviour behaviour;
    private final RepDesk desk;
    private final DemoNetwork network;
    private final Map<String, Phone> byUser = new LinkedHashMap<>();
    private final Map<ServerTransaction, RepCall> ringing = new ConcurrentHashMap<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong voiceFramesHeard = new AtomicLong();
    private volatile boolean closing;

    private DemoReps(Settings settings, List<RepAccount> accounts, RepDesk desk, DemoNetwork network) {
        this.settings = settings;
        this.behaviour = new Behaviour(settings.traffic(), settings.pace());
        this.desk = desk;
        this.network = network;
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        for (RepAccount account : accounts) {
            byUser.put(account.user(), new Phone(account, seeds.split()));
        }
    }

    /** Starts the phones: binds their stack and sends every first REGISTER. */
    public static DemoReps start(Settings settings, List<RepAccount> accounts, RepDesk desk) {
        DemoNetwork network = DemoNetwork.start("reps", settings.rtpPortFirst(), settings.rtpPortLast());
        DemoReps reps = new DemoReps(settings, accounts, desk, network);
        network.stack().register("INVITE", reps);
        reps.byUser.values().forEach(phone -> phone.register(REGISTER_EXPIRES_SECONDS));
        return reps;
    }

    /** Where the phones send from and are reached (their contacts' host and port). */
    public InetSocketAddress sipAddress() {
        return network.sipAddress();
    }

    public Stats stats() {
        int registered = 0;
        long heardInLiveCalls = 0;
        for (Phone phone : byUser.values()) {
            synchronized (phone) {
                registered += phone.registered ? 1 : 0;
                if (phone.call != null && phone.call.media != null && !phone.call.done) {
                    heardInLiveCalls += phone.call.media.voiceFramesHeard();
                }
            }
        }
        return new Stats(registered, offered.get(), answered.get(), declined.get(), ignored.get(), ended.get(),
                voiceFramesHeard.get() + heardInLiveCalls);
    }

    // ---- incoming calls ----------------------------------------------------------------------------------------

    @Override
    public void onRequest(ServerTransaction tx, SipMessage invite, InetSocketAddress remote, SipTransport transport) {
        String user = invite.raw() instanceof Request r && r.getRequestURI() instanceof SipURI uri ? uri.getUser()
                : null;
        Phone phone = user == null ? null : byUser.get(user);
        if (phone == null || closing) {
            tx.respond(SipResponses.create(invite, closing ? 480 : 404, null));
            return;
        }
        RepCall call;
        synchronized (phone) {
            if (phone.call != null) {
                tx.respond(SipResponses.create(invite, 486, null));
                return;
            }
            call = new RepCall(phone, tx, invite);
            phone.call = call;
        }
        offered.incrementAndGet();
        ringing.put(tx, call);
        call.ring();
    }

    @Override
    public void onCancelled(ServerTransaction invite, SipMessage cancel) {
        RepCall call = ringing.remove(invite);
        if (call != null) {
            call.finish("cancelled");
        }
    }

    /** One softphone: its registration and the call it is in, if any. Guarded by itself. */
    private final class Phone implements ClientTransactionUser {
        final RepAccount account;
        final SplittableRandom random;
        final ClientDigest digest;
        final String registrationCallId = SipResponses.newTag() + SipResponses.newTag() + "@127.0.0.1";
        long cseq;
        boolean registered;
        boolean everRegistered;
        int failedAuthentications;
        int expiresAsked;
        ScheduledFuture<?> refresh;
        RepCall call;

        Phone(RepAccount account, SplittableRandom random) {
            this.account = account;
            this.random = random;
            this.digest = new ClientDigest(account.user(), account.password());
        }

        String contactUri() {
            InetSocketAddress local = network.sipAddress();
            return "sip:" + account.user() + "@" + local.getAddress().getHostAddress() + ":" + local.getPort();
        }

        /** Sends a REGISTER asking for {@code expires} seconds. */
        synchronized void register(int expires) {
            expiresAsked = expires;
            network.stack().send(buildRegister(expires), new NextHop(SipTransport.UDP, settings.registrar()), this);
        }

        /**
         * A REGISTER (RFC 3261 section 10.2): the same Call-ID every time and CSeq one higher, our own contact, and
         * credentials once a challenge is known (the nonce reused with the next nonce-count).
         */
        private SipMessage buildRegister(int expires) {
            SipMessage request;
            try {
                Address aor = SipFactories.addresses().createAddress("sip:" + account.user() + "@"
                        + settings.domain());
                request = network.stack().newRequest("REGISTER",
                        SipFactories.addresses().createURI("sip:" + settings.domain()), aor, aor, SipTransport.UDP);
                SIPMessage raw = request.raw();
                raw.setCallId(registrationCallId);
                ((CSeqHeader) raw.getHeader(CSeqHeader.NAME)).setSeqNumber(++cseq);
                raw.removeHeader(ContactHeader.NAME);
                raw.addHeader(SipFactories.headers().createContactHeader(
                        SipFactories.addresses().createAddress(contactUri())));
                raw.addHeader(SipFactories.headers().createExpiresHeader(expires));
                request = SipMessage.of(raw);
            } catch (ParseException | InvalidArgumentException e) {
                throw new IllegalStateException("cannot build the REGISTER of " + account.user(), e);
            }
            digest.authorize(request);
            return request;
        }

        @Override
        public void onResponse(ClientTransaction transaction, SipMessage response) {
            int status = response.statusCode();
            if (status < 200) {
                return;
            }
            boolean loggedInNow = false;
            synchronized (this) {
                if (status == 401 || status == 407) {
                    boolean hadCredentials = digest.challenge() != null;
                    ClientDigest.Challenge challenge;
                    try {
                        challenge = digest.onChallenge(response);
                    } catch (IllegalArgumentException e) {
                        LOG.warn("{}: cannot answer the registrar's challenge: {}", account.user(), e.getMessage());
                        return;
                    }
                    if (hadCredentials && !challenge.stale() && ++failedAuthentications >= 2) {
                        LOG.warn("{}: the registrar refuses the password; not registering", account.user());
                        return;
                    }
                    network.later(0, () -> register(expiresAsked));
                    return;
                }
                if (status == 423) {
                    Object minExpires = response.raw().getHeader("Min-Expires");
                    int min = minExpires instanceof javax.sip.header.MinExpiresHeader m ? m.getExpires()
                            : expiresAsked * 2;
                    network.later(0, () -> register(min));
                    return;
                }
                if (status >= 300) {
                    LOG.warn("{}: REGISTER answered {}; retrying", account.user(), status);
                    retry();
                    return;
                }
                failedAuthentications = 0;
                if (expiresAsked == 0) {
                    registered = false;
                    return;
                }
                registered = true;
                loggedInNow = !everRegistered;
                everRegistered = true;
                long refreshMs = (long) (grantedSeconds(response) * 1_000L * REFRESH_SHARE);
                refresh = network.later(refreshMs, () -> register(REGISTER_EXPIRES_SECONDS));
            }
            if (loggedInNow) {
                desk.loggedIn(account.repId());
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            synchronized (this) {
                if (expiresAsked != 0) {
                    LOG.warn("{}: no answer to REGISTER from {}; retrying", account.user(), settings.registrar());
                    retry();
                }
            }
        }

        private void retry() {
            if (!closing) {
                refresh = network.later(RETRY_MS, () -> register(REGISTER_EXPIRES_SECONDS));
            }
        }

        /** The expiry the registrar granted our contact (its expires parameter, else Expires, else what we asked). */
        private int grantedSeconds(SipMessage ok) {
            String ours = contactUri();
            ListIterator<?> contacts = ok.raw().getHeaders(ContactHeader.NAME);
            while (contacts != null && contacts.hasNext()) {
                ContactHeader contact = (ContactHeader) contacts.next();
                if (contact.getAddress() != null && ours.equals(contact.getAddress().getURI().toString())
                        && contact.getExpires() > 0) {
                    return contact.getExpires();
                }
            }
            ExpiresHeader expires = ok.raw().getExpires();
            return expires != null && expires.getExpires() > 0 ? expires.getExpires() : expiresAsked;
        }

        /** Un-registers (Expires 0) and stops refreshing; the latch counts down on the answer or the timeout. */
        void unregister(CountDownLatch done) {
            SipMessage request;
            synchronized (this) {
                if (refresh != null) {
                    refresh.cancel(false);
                }
                if (!registered) {
                    done.countDown();
                    return;
                }
                expiresAsked = 0;
                request = buildRegister(0);
            }
            Phone phone = this;
            network.stack().send(request, new NextHop(SipTransport.UDP, settings.registrar()),
                    new ClientTransactionUser() {
                        @Override
                        public void onResponse(ClientTransaction transaction, SipMessage response) {
                            if (response.statusCode() >= 200) {
                                phone.onResponse(transaction, response);
                                done.countDown();
                            }
                        }

                        @Override
                        public void onTimeout(ClientTransaction transaction) {
                            done.countDown();
                        }
                    });
        }
    }

    /** One call offered to a phone, from ringing to the end of wrap-up. */
    private final class RepCall implements DialogListener {
        final Phone phone;
        final ServerTransaction tx;
        final SipMessage invite;
        final List<ScheduledFuture<?>> timers = new ArrayList<>();
        CallMedia media;
        Dialog dialog;
        boolean done;

        RepCall(Phone phone, ServerTransaction tx, SipMessage invite) {
            this.phone = phone;
            this.tx = tx;
            this.invite = invite;
        }

        /** 180 now; then answer, decline or keep ringing as the rep's draw says. On the INVITE's loop. */
        void ring() {
            network.stack().core().answer(tx, SipResponses.create(invite, 180, null), this);
            Behaviour.Pickup pickup;
            long delay;
            synchronized (phone) {
                pickup = behaviour.pickup(phone.random);
                delay = behaviour.answerDelayMs(phone.random);
            }
            switch (pickup) {
                case NO_ANSWER -> {
                    ignored.incrementAndGet();
                    schedule(MAX_RING_MS, () -> onLoop(() -> finalAnswer(480)));
                }
                case REJECT -> {
                    declined.incrementAndGet();
                    schedule(delay, () -> onLoop(() -> finalAnswer(603)));
                }
                case ANSWER -> schedule(delay, this::pickUp);
            }
        }

        private void onLoop(Runnable task) {
            tx.context().layer().execute(task);
        }

        private boolean stillRinging() {
            SipMessage last = tx.lastResponse();
            return tx.state() == TransactionState.PROCEEDING && (last == null || last.statusCode() < 200);
        }

        private void finalAnswer(int status) {
            if (stillRinging()) {
                tx.respond(SipResponses.create(invite, status, null));
            }
            ringing.remove(tx);
            finish("answered " + status);
        }

        private void pickUp() {
            SplittableRandom random;
            synchronized (phone) {
                random = phone.random.split();
            }
            network.openMedia(random, 110 + random.nextInt(90), true).whenComplete((opened, failure) -> {
                if (failure != null) {
                    LOG.warn("{}: no RTP port to answer with: {}", phone.account.user(), failure.getMessage());
                    onLoop(() -> finalAnswer(503));
                    return;
                }
                onLoop(() -> answerWith(opened));
            });
        }

        private void answerWith(CallMedia opened) {
            synchronized (phone) {
                media = opened;
                if (done || !stillRinging()) {
                    opened.close();
                    return;
                }
            }
            SipMessage ok = SipResponses.create(invite, 200, null);
            try {
                String body = new String(invite.raw().getRawContent() == null ? new byte[0]
                        : invite.raw().getRawContent(), java.nio.charset.StandardCharsets.UTF_8);
                String sdp = body.isBlank() ? opened.offer(MediaDirection.SENDRECV)
                        : opened.answer(body, MediaDirection.SENDRECV);
                ok.raw().setContent(sdp, SipFactories.headers().createContentTypeHeader("application", "sdp"));
            } catch (SdpException e) {
                LOG.warn("{}: cannot answer the offer: {}", phone.account.user(), e.getMessage());
                finalAnswer(e.sipStatus());
                return;
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            ringing.remove(tx);
            Dialog made = network.stack().core().answer(tx, ok, this);
            answered.incrementAndGet();
            synchronized (phone) {
                dialog = made;
            }
            opened.talk();
            planTheTalk();
        }

        /** Hang-up (or waiting for the other side's), and a hold, drawn from the configuration. */
        private void planTheTalk() {
            long talk;
            long hold;
            long holdAt;
            boolean repHangsUp;
            synchronized (phone) {
                talk = behaviour.talkMs(phone.random);
                hold = behaviour.holdMs(phone.random);
                holdAt = (long) (phone.random.nextDouble() * talk);
                repHangsUp = phone.random.nextBoolean();
            }
            if (hold > 0) {
                schedule(holdAt, () -> hold(true));
                schedule(holdAt + hold, () -> hold(false));
            }
            // the rep hangs up at the drawn time, or waits for the caller up to three times as long
            schedule(hold + (repHangsUp ? talk : 3 * talk), this::hangUp);
        }

        private void hold(boolean on) {
            Dialog d;
            CallMedia m;
            synchronized (phone) {
                if (done || dialog == null) {
                    return;
                }
                d = dialog;
                m = media;
            }
            m.mute(on);
            String offer = m.offer(on ? MediaDirection.SENDONLY : MediaDirection.SENDRECV);
            d.execute(() -> {
                SipMessage reInvite = d.createRequest("INVITE");
                try {
                    reInvite.raw().setContent(offer, SipFactories.headers().createContentTypeHeader("application",
                            "sdp"));
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
                network.stack().core().sendInDialog(d, reInvite, new ClientTransactionUser() {
                    @Override
                    public void onResponse(ClientTransaction transaction, SipMessage response) {
                        if (response.statusCode() >= 200 && response.statusCode() < 300
                                && response.raw().getRawContent() != null) {
                            try {
                                m.acceptAnswer(new String(response.raw().getRawContent(),
                                        java.nio.charset.StandardCharsets.UTF_8));
                            } catch (SdpException e) {
                                LOG.warn("{}: bad answer to our {}: {}", phone.account.user(),
                                        on ? "hold" : "resume", e.getMessage());
                            }
                        }
                    }

                    @Override
                    public void onTimeout(ClientTransaction transaction) {
                    }
                });
            });
        }

        private void hangUp() {
            Dialog d;
            synchronized (phone) {
                d = done ? null : dialog;
            }
            if (d != null) {
                network.stack().core().bye(d);
            }
        }

        /** A re-INVITE from the server (its own hold, a new relay): answered with our SDP. */
        @Override
        public void onRequest(Dialog d, ServerTransaction transaction, SipMessage request) {
            if (!"INVITE".equals(request.method())) {
                DialogListener.super.onRequest(d, transaction, request);
                return;
            }
            SipMessage ok = SipResponses.create(request, 200, null);
            try {
                byte[] body = request.raw().getRawContent();
                CallMedia m;
                synchronized (phone) {
                    m = media;
                }
                String sdp = body == null || body.length == 0 ? m.offer(MediaDirection.SENDRECV)
                        : m.answer(new String(body, java.nio.charset.StandardCharsets.UTF_8), MediaDirection.SENDRECV);
                ok.raw().setContent(sdp, SipFactories.headers().createContentTypeHeader("application", "sdp"));
            } catch (SdpException e) {
                transaction.respondFromAnyThread(SipResponses.create(request, e.sipStatus(), null));
                return;
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            transaction.respondFromAnyThread(ok);
        }

        @Override
        public void onTerminated(Dialog d, String reason) {
            finish(reason);
        }

        /** The call is over for this phone: media closed; after an answered call, wrap-up then ready. */
        void finish(String reason) {
            boolean wasAnswered;
            long wrap;
            synchronized (phone) {
                if (done) {
                    return;
                }
                done = true;
                wasAnswered = dialog != null;
                timers.forEach(t -> t.cancel(false));
                if (media != null) {
                    voiceFramesHeard.addAndGet(media.voiceFramesHeard());
                    media.close();
                }
                if (phone.call == this) {
                    phone.call = null;
                }
                wrap = behaviour.wrapMs(phone.random);
            }
            LOG.debug("{}: call ended ({})", phone.account.user(), reason);
            if (wasAnswered) {
                ended.incrementAndGet();
                if (!closing) {
                    network.later(wrap, () -> desk.wrapUpDone(phone.account.repId()));
                }
            }
        }

        private void schedule(long delayMs, Runnable task) {
            synchronized (phone) {
                if (!done) {
                    timers.add(network.later(delayMs, task));
                }
            }
        }
    }

    /**
     * Hangs up live calls, un-registers every phone (waiting up to two seconds for the registrar), logs the reps out
     * through the desk and closes the stack.
     */
    @Override
    public void close() {
        closing = true;
        CountDownLatch unregistered = new CountDownLatch(byUser.size());
        for (Phone phone : byUser.values()) {
            RepCall call;
            synchronized (phone) {
                call = phone.call;
            }
            if (call != null) {
                call.hangUp();
                call.finish("demo stopping");
            }
            phone.unregister(unregistered);
        }
        try {
            unregistered.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Phone phone : byUser.values()) {
            boolean loggedIn;
            synchronized (phone) {
                loggedIn = phone.everRegistered;
            }
            if (loggedIn) {
                desk.loggedOut(phone.account.repId());
            }
        }
        network.close();
    }
}
