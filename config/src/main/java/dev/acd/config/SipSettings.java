package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
import java.nio.file.Path;
import java.util.List;

/**
 * The SIP server's settings, as read from the {@code sip:} section (every key has a default, so a configuration
 * without the section runs SIP on 0.0.0.0:5060 over UDP and TCP). Times are in milliseconds here whatever unit
 * the file uses. See docs/sip.md and the configuration reference.
 *
 * @param enabled           whether the SIP server runs
 * @param bind              the address to listen on ("0.0.0.0" for all)
 * @param port              the UDP and TCP port; 0 picks a free one
 * @param udp               whether to listen on UDP
 * @param tcp               whether to listen on TCP
 * @param advertisedAddress the address for our Via, Contact and SDP, or null to use the bound one
 * @param ioThreads         SIP event-loop threads, 0 for Netty's choice
 * @param tcpIdleTimeoutMs  idle TCP connections are closed after this
 * @param timers            T1, T2, T4
 * @param registrar         registration expiry and OPTIONS pings
 * @param digest            digest authentication
 * @param defence           blocking of sources failing authentication
 * @param trunk             the SIP trunk
 * @param media             RTP and sounds
 * @param testExtension     the user part answered by the built-in echo test line, or null for none
 * @param testExtensionRingMs how long the test line rings before answering
 * @param calls             call control's liveness checks: keepalive, RTP timeout, dial timeout
 */
public record SipSettings(boolean enabled, String bind, int port, boolean udp, boolean tcp, String advertisedAddress,
                          int ioThreads, long tcpIdleTimeoutMs, Timers timers, Registrar registrar, Digest digest,
                          Defence defence, Trunk trunk, Media media, String testExtension, long testExtensionRingMs,
                          Calls calls) {

    /** RFC 3261 section 17.1.1.1 base intervals. */
    public record Timers(long t1Ms, long t2Ms, long t4Ms) {
    }

    /** Registrar limits (RFC 3261 section 10.3) and reachability pings; {@code pingIntervalMs} 0 turns pings off. */
    public record Registrar(int minExpiresSeconds, int maxExpiresSeconds, int defaultExpiresSeconds,
                            int maxContactsPerUser, long pingIntervalMs, int pingMaxMisses) {
    }

    /** Digest authentication: algorithms offered in order, nonce lifetime, RFC 2069 fallback. */
    public record Digest(List<DigestAlgorithm> algorithms, long nonceLifetimeMs, boolean acceptNoQop) {
        public Digest {
            algorithms = List.copyOf(algorithms);
        }
    }

    /** Failed-authentication thresholds and how long a block lasts. */
    public record Defence(long windowMs, int maxFailuresPerSource, int maxFailuresPerUser, long blockMs) {
    }

    /**
     * The trunk: allowed sources (literal addresses and CIDR networks, as written), where outbound calls go (an
     * {@code ip:port}, or null for none) over which transport ("udp" or "tcp"), and the caller ID they present.
     */
    public record Trunk(List<String> allowedSources, String address, String transport, String callerId,
                        List<String> dialRules) {
        public Trunk {
            allowedSources = List.copyOf(allowedSources);
            dialRules = List.copyOf(dialRules);
        }
    }

    /**
     * RTP port range, one-way-audio timeout (0 off), the sound files (null means the built-in sounds), and how often
     * waiting callers hear the announcement (0 never).
     */
    public record Media(int rtpPortFirst, int rtpPortLast, long noMediaTimeoutMs, Path musicOnHold,
                        Path promptsDirectory, long announceIntervalMs) {
        /** The default announcement interval, 30 s. */
        public static final long DEFAULT_ANNOUNCE_INTERVAL_MS = 30_000;

        /** Media settings announcing every 30 s. */
        public Media(int rtpPortFirst, int rtpPortLast, long noMediaTimeoutMs, Path musicOnHold, Path promptsDirectory) {
            this(rtpPortFirst, rtpPortLast, noMediaTimeoutMs, musicOnHold, promptsDirectory, DEFAULT_ANNOUNCE_INTERVAL_MS);
        }
    }

    /**
     * How call control makes sure every call ends (docs/calls.md, "Dead calls"): an in-dialog OPTIONS on each
     * established leg every {@code keepaliveMs}, a bridged call with no RTP either way for {@code rtpTimeoutMs}
     * hung up, a call out through the trunk given up after ringing {@code dialTimeoutMs}; 0 turns each off.
     */
    public record Calls(long keepaliveMs, long rtpTimeoutMs, long dialTimeoutMs) {
        /** Keepalive every 30 s, RTP timeout 60 s, dial timeout 120 s. */
        public static Calls defaults() {
            return new Calls(30_000, 60_000, 120_000);
        }
    }

    public SipSettings {
        if (!udp && !tcp && enabled) {
            throw new IllegalArgumentException("SIP needs at least one transport");
        }
        if (calls == null) {
            calls = Calls.defaults();
        }
    }

    /** The settings with the default liveness checks ({@link Calls#defaults()}). */
    public SipSettings(boolean enabled, String bind, int port, boolean udp, boolean tcp, String advertisedAddress,
                       int ioThreads, long tcpIdleTimeoutMs, Timers timers, Registrar registrar, Digest digest,
                       Defence defence, Trunk trunk, Media media, String testExtension, long testExtensionRingMs) {
        this(enabled, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs, timers, registrar, digest,
                defence, trunk, media, testExtension, testExtensionRingMs, Calls.defaults());
    }

    /** The same settings with other liveness checks. */
    public SipSettings withCalls(Calls next) {
        return new SipSettings(enabled, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, registrar, digest, defence, trunk, media, testExtension, testExtensionRingMs, next);
    }

    /** The same settings on another address and port (tests use 127.0.0.1 and port 0). */
    public SipSettings listeningOn(String address, int newPort) {
        return new SipSettings(enabled, address, newPort, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, registrar, digest, defence, trunk, media, testExtension, testExtensionRingMs, calls);
    }

    /** The same settings with other digest settings. */
    public SipSettings withDigest(Digest next) {
        return new SipSettings(enabled, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, registrar, next, defence, trunk, media, testExtension, testExtensionRingMs, calls);
    }

    /** The same settings with other defence thresholds. */
    public SipSettings withDefence(Defence next) {
        return new SipSettings(enabled, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, registrar, digest, next, trunk, media, testExtension, testExtensionRingMs, calls);
    }

    /** The same settings with other registrar limits. */
    public SipSettings withRegistrar(Registrar next) {
        return new SipSettings(enabled, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, next, digest, defence, trunk, media, testExtension, testExtensionRingMs, calls);
    }

    /** The same settings with the test line on {@code user} (null turns it off). */
    public SipSettings withTestExtension(String user, long ringMs) {
        return new SipSettings(enabled, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, registrar, digest, defence, trunk, media, user, ringMs, calls);
    }

    /** The same settings, on or off. */
    public SipSettings withEnabled(boolean on) {
        return new SipSettings(on, bind, port, udp, tcp, advertisedAddress, ioThreads, tcpIdleTimeoutMs,
                timers, registrar, digest, defence, trunk, media, testExtension, testExtensionRingMs, calls);
    }
}
