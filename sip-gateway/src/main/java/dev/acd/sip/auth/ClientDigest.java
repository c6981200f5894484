package dev.acd.sip.auth;

import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;

/**
 * A softphone's side of digest (RFC 7616, RFC 2617, RFC 3261 section 22.2): remembers the challenge of a 401 or 407
 * and writes the Authorization or Proxy-Authorization of each following request, with a fresh cnonce and a
 * nonce-count one higher every time the nonce is reused (qop=auth). MD5 and SHA-256, in our order of preference.
 *
 * <p>One instance per user and server; not thread-safe (a phone's requests are built one at a time).
 */
public final class ClientDigest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;
    private final List<DigestAlgorithm> preference;
    private Challenge challenge;
    private long nonceCount;

    /**
     * The challenge a request is answered under.
     *
     * @param kind      401 (Authorization) or 407 (Proxy-Authorization)
     * @param stale     true when the server said our last credentials were right but their nonce too old
     * @param qop       "auth", or null for an RFC 2069 challenge without qop
     * @param opaque    echoed back unchanged, or null
     */
    public record Challenge(ChallengeKind kind, DigestAlgorithm algorithm, String realm, String nonce, String qop,
            String opaque, boolean stale) {
    }

    /** @param preference algorithms we answer with, best first; a challenge offering none of them is unusable */
    public ClientDigest(String user, String password, List<DigestAlgorithm> preference) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.preference = List.copyOf(preference);
        if (this.preference.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm is needed");
        }
    }

    /** SHA-256 preferred, MD5 accepted. */
    public ClientDigest(String user, String password) {
        this(user, password, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    public String user() {
        return user;
    }

    /** The challenge in use, or null before the first 401/407. */
    public Challenge challenge() {
        return challenge;
    }

    /** The nonce-count the last credentials carried (0 before any). */
    public long nonceCount() {
        return nonceCount;
    }

    /**
     * Takes the challenge of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) response: the first challenge
     * header offering our most preferred algorithm (and qop=auth when it offers a qop at all). A new nonce starts
     * counting again at 1.
     *
     * @throws IllegalArgumentException when the response is not a 401/407, or offers no algorithm and qop we answer
     */
    public Challenge onChallenge(SipMessage response) {
        ChallengeKind kind = switch (response.statusCode()) {
            case 401 -> ChallengeKind.WWW;
            case 407 -> ChallengeKind.PROXY;
            default -> throw new IllegalArgumentException("a challenge comes in a 401 or 407, not " + response);
        };
        Challenge best = null;
        int bestRank = Integer.MAX_VALUE;
        ListIterator<?> headers = response.raw().getHeaders(kind.challengeHeader());
        while (headers != null && headers.hasNext()) {
            if (!(headers.next() instanceof WWWAuthenticateHeader header)
                    || !"Digest".equalsIgnoreCase(header.getScheme()) || header.getNonce() == null) {
                continue;
            }
            String algorithmName = header.getAlgorithm() == null ? DigestAlgorithm.MD5.rfcName() : header.getAlgorithm();
            DigestAlgorithm algorithm = DigestAlgorithm.fromRfcName(algorithmName).orElse(null);
            int rank = algorithm == null ? -1 : preference.indexOf(algorithm);
            String qop = chooseQop(header.getQop());
            if (rank < 0 || (header.getQop() != null && qop == null) || rank >= bestRank) {
                continue;
            }
            best = new Challenge(kind, algorithm, header.getRealm(), header.getNonce(), qop, header.getOpaque(),
                    header.isStale());
            bestRank = rank;
        }
        if (best == null) {
            throw new IllegalArgumentException("no Digest challenge with qop=auth (or none) and one of " + preference
                    + " in " + kind.challengeHeader() + " of: " + response.raw().getFirstLine().strip());
        }
        if (challenge == null || !challenge.nonce().equals(best.nonce())) {
            nonceCount = 0;
        }
        challenge = best;
        return best;
    }

    /** Forgets the challenge (a phone starting over, or a server that restarted). */
    public void reset() {
        challenge = null;
        nonceCount = 0;
    }

    /**
     * Adds credentials answering the current challenge to {@code request} (which must not carry any yet): the
     * digest uri is its Request-URI, the method its method. Does nothing before the first challenge.
     */
    public void authorize(SipMessage request) {
        if (challenge == null) {
            return;
        }
        String value = credentials(request.method(), ((Request) request.raw()).getRequestURI().toString());
        try {
            request.raw().addHeader(SipFactories.headers().createHeader(challenge.kind().credentialsHeader(), value));
        } catch (ParseException e) {
            throw new IllegalStateException("our own credentials do not parse: " + value, e);
        }
    }

    /** The credentials header value for {@code method} on {@code uri} under the current challenge. */
    public String credentials(String method, String uri) {
        if (challenge == null) {
            throw new IllegalStateException("no challenge to answer yet for " + user);
        }
        DigestAlgorithm algorithm = challenge.algorithm();
        String ha1 = algorithm.hex(user + ":" + challenge.realm() + ":" + password);
        String ha2 = algorithm.hex(method + ":" + uri);
        StringBuilder out = new StringBuilder("Digest username=\"").append(user)
                .append("\", realm=\"").append(challenge.realm())
                .append("\", nonce=\"").append(challenge.nonce())
                .append("\", uri=\"").append(uri).append('"');
        if (challenge.qop() == null) {
            out.append(", response=\"").append(algorithm.hex(ha1 + ":" + challenge.nonce() + ":" + ha2)).append('"');
        } else {
            String nc = String.format("%08x", ++nonceCount);
            String cnonce = HexFormat.of().formatHex(randomBytes());
            String response = algorithm.hex(ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":"
                    + challenge.qop() + ":" + ha2);
            out.append(", response=\"").append(response)
                    .append("\", qop=").append(challenge.qop())
                    .append(", nc=").append(nc)
                    .append(", cnonce=\"").append(cnonce).append('"');
        }
        out.append(", algorithm=").append(algorithm.rfcName());
        if (challenge.opaque() != null) {
            out.append(", opaque=\"").append(challenge.opaque()).append('"');
        }
        return out.toString();
    }

    /** "auth" when the challenge's qop list offers it; null when it offers qop but not auth, or none at all. */
    private static String chooseQop(String offered) {
        if (offered == null) {
            return null;
        }
        for (String option : offered.split(",")) {
            if ("auth".equals(option.strip().toLowerCase(Locale.ROOT))) {
                return "auth";
            }
        }
        return null;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
