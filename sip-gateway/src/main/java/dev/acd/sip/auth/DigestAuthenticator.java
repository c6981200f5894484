package dev.acd.sip.auth;

import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.core.time.Clock;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import gov.nist.javax.sip.header.AuthenticationHeader;
import gov.nist.javax.sip.header.ProxyAuthenticate;
import gov.nist.javax.sip.header.WWWAuthenticate;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;

/**
 * Digest authentication (RFC 7616 with qop=auth; RFC 2617 compatible; RFC 3261 section 22): builds challenges and
 * checks credentials against the stored HA1 only. One instance serves the registrar (401) and, later, reps' INVITEs
 * (407). Thread-safe: nonces are stateless, and the nonce-count table has its own lock.
 *
 * <p>Order of checks: the credentials for our realm are found and parsed; the nonce must be ours; the user must be
 * known with an HA1 for the algorithm; the response must match; only then is the nonce's age checked (so stale=true
 * is only ever said to someone who knows the password) and its nonce-count recorded.
 */
public final class DigestAuthenticator {
    private static final String DIGEST = "Digest";
    private static final String QOP_AUTH = "auth";

    private final DigestSettings settings;
    private final CredentialStore credentials;
    private final Clock clock;
    private final Nonces nonces = new Nonces();
    private final NonceCounts counts;
    private final AddressFactory addresses;

    public DigestAuthenticator(DigestSettings settings, CredentialStore credentials, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counts = new NonceCounts(settings.maxTrackedNonces(), settings.nonceLifetimeMs());
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            this.addresses = factory.createAddressFactory();
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP RI address factory is missing", e);
        }
    }

    public DigestSettings settings() {
        return settings;
    }

    /** The realm challenges name. */
    public String realm() {
        return credentials.realm();
    }

    /** Checks the request's credentials of the given kind (Authorization or Proxy-Authorization). */
    public AuthOutcome authenticate(SipMessage request, ChallengeKind kind) {
        AuthenticationHeader header = credentialsFor(request, kind);
        if (header == null) {
            return hasAnyCredentials(request, kind)
                    ? AuthOutcome.failed(firstUser(request, kind), "credentials are for another realm than '"
                            + realm() + "'")
                    : AuthOutcome.noCredentials();
        }
        String user = header.getUsername();
        if (!DIGEST.equalsIgnoreCase(header.getScheme())) {
            return AuthOutcome.malformed(user, "scheme " + header.getScheme() + " is not Digest");
        }
        String nonce = header.getNonce();
        String response = header.getResponse();
        String uri = header.getParameter(AuthenticationHeader.URI);
        if (user == null || nonce == null || response == null || uri == null) {
            return AuthOutcome.malformed(user, "credentials lack " + (user == null ? "username"
                    : nonce == null ? "nonce" : response == null ? "response" : "uri"));
        }
        String algorithmName = header.getAlgorithm() == null ? DigestAlgorithm.MD5.rfcName() : header.getAlgorithm();
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromRfcName(algorithmName);
        if (algorithm.isEmpty() || !settings.algorithms().contains(algorithm.get())) {
            return AuthOutcome.failed(user, "algorithm " + algorithmName + " was not offered");
        }
        String qop = header.getQop();
        long count;
        String cnonce = header.getCNonce();
        if (qop == null) {
            if (!settings.acceptNoQop()) {
                return AuthOutcome.failed(user, "credentials without qop are not accepted");
            }
            count = 0;
        } else if (!QOP_AUTH.equalsIgnoreCase(qop)) {
            return AuthOutcome.failed(user, "qop " + qop + " was not offered");
        } else {
            count = parseNonceCount(header.getParameter(AuthenticationHeader.NC));
            if (count <= 0 || cnonce == null) {
                return AuthOutcome.malformed(user, count <= 0 ? "nc must be 8 hex digits above 0, got "
                        + header.getParameter(AuthenticationHeader.NC) : "qop=auth without cnonce");
            }
        }
        if (!sameResource(uri, (SIPRequest) request.raw())) {
            return AuthOutcome.failed(user, "digest uri " + uri + " is not the Request-URI");
        }
        long now = clock.millis();
        long issuedAt = nonces.issuedAt(nonce, now);
        if (issuedAt < 0) {
            return AuthOutcome.failed(user, "nonce was not issued by us");
        }
        Optional<Credential> known = credentials.find(user);
        String ha1 = known.map(c -> c.ha1(algorithm.get())).orElse(null);
        if (ha1 == null) {
            return AuthOutcome.failed(user, known.isEmpty() ? "unknown user"
                    : "no " + algorithm.get().rfcName() + " credentials for the user");
        }
        String ha2 = algorithm.get().hex(request.method() + ":" + uri);
        String expected = qop == null
                ? algorithm.get().hex(ha1 + ":" + nonce + ":" + ha2)
                : algorithm.get().hex(ha1 + ":" + nonce + ":" + header.getParameter(AuthenticationHeader.NC)
                        + ":" + cnonce + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return AuthOutcome.failed(user, "wrong response (password)");
        }
        if (now - issuedAt > settings.nonceLifetimeMs()) {
            return AuthOutcome.stale(user, "nonce expired " + (now - issuedAt - settings.nonceLifetimeMs())
                    + " ms ago");
        }
        return switch (counts.use(nonce, issuedAt, count, now)) {
            case ACCEPTED -> AuthOutcome.authenticated(known.get());
            case FORGOTTEN -> AuthOutcome.stale(user, "nonce no longer tracked");
            case REPLAYED -> AuthOutcome.failed(user, qop == null ? "nonce without qop used twice"
                    : "nonce-count " + count + " was already used (replay)");
        };
    }

    /**
     * The 401 or 407 answering {@code request}, with one challenge per configured algorithm sharing a fresh nonce
     * (RFC 7616 section 3.7), stale=true when the last credentials were right but their nonce was not.
     */
    public SipMessage challenge(SipMessage request, ChallengeKind kind, boolean stale) {
        SipMessage response = SipResponses.create(request, kind.statusCode(), null);
        String nonce = nonces.issue(clock.millis());
        try {
            for (DigestAlgorithm algorithm : settings.algorithms()) {
                AuthenticationHeader header = kind == ChallengeKind.WWW ? new WWWAuthenticate() : new ProxyAuthenticate();
                header.setScheme(DIGEST);
                header.setRealm(realm());
                header.setNonce(nonce);
                header.setAlgorithm(algorithm.rfcName());
                header.setQop(QOP_AUTH);
                if (stale) {
                    header.setStale(true);
                }
                response.raw().addHeader(header);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("realm '" + realm() + "' cannot go in a challenge", e);
        }
        return response;
    }

    /** The nonces whose nonce-counts are remembered now (bounded by the settings). */
    public int trackedNonces() {
        return counts.size();
    }

    private AuthenticationHeader credentialsFor(SipMessage request, ChallengeKind kind) {
        ListIterator<?> headers = request.raw().getHeaders(kind.credentialsHeader());
        while (headers != null && headers.hasNext()) {
            Object header = headers.next();
            if (header instanceof AuthenticationHeader auth && realm().equals(auth.getRealm())) {
                return auth;
            }
        }
        return null;
    }

    private static boolean hasAnyCredentials(SipMessage request, ChallengeKind kind) {
        return request.raw().getHeader(kind.credentialsHeader()) != null;
    }

    private static String firstUser(SipMessage request, ChallengeKind kind) {
        Object header = request.raw().getHeader(kind.credentialsHeader());
        return header instanceof AuthenticationHeader auth ? auth.getUsername() : null;
    }

    /** RFC 7616 section 3.4: nc is 8 hex digits; -1 for anything else. */
    private static long parseNonceCount(String nc) {
        if (nc == null || nc.length() != 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** RFC 7616 section 3.4.6: the digest uri must name the resource of the request line. */
    private boolean sameResource(String uri, SIPRequest request) {
        URI requestUri = request.getRequestURI();
        if (uri.equals(requestUri.toString())) {
            return true;
        }
        try {
            return addresses.createURI(uri).equals(requestUri);
        } catch (ParseException e) {
            return false;
        }
    }
}
