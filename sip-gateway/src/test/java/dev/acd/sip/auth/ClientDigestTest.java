package dev.acd.sip.auth;

import dev.acd.core.digest.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.time.ManualClock;
import dev.acd.sip.auth.AuthOutcome.Status;
import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phone's side of digest, checked by the server's own {@link DigestAuthenticator}. */
class ClientDigestTest {
    private static final long T0 = 1_795_000_000_000L;

    private final ManualClock clock = new ManualClock(T0);
    private final DigestAuthenticator server = new DigestAuthenticator(DigestSettings.DEFAULTS, new TestCredentials(),
            clock);
    private int requests;

    private SipMessage request(String method, String uri) {
        requests++;
        return SipFixtures.parse(method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKcd" + requests + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:ava.chen@larkspur.example>;tag=ft1\r\n"
                + "To: <sip:ava.chen@larkspur.example>\r\n"
                + "Call-ID: client-digest-1\r\n"
                + "CSeq: " + requests + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    private SipMessage register() {
        return request("REGISTER", "sip:larkspur.example");
    }

    /** First request without credentials, its challenge taken, second request authorised: the server's verdict. */
    private AuthOutcome challengeThenAnswer(ClientDigest phone, ChallengeKind kind, String method, String uri) {
        SipMessage first = request(method, uri);
        assertEquals(Status.NO_CREDENTIALS, server.authenticate(first, kind).status());
        phone.onChallenge(server.challenge(first, kind, false));
        SipMessage second = request(method, uri);
        phone.authorize(second);
        return server.authenticate(second, kind);
    }

    @Test
    void shouldAuthenticateWithSha256WhenBothAlgorithmsAreOffered() {
        ClientDigest phone = new ClientDigest("ava.chen", "demo-ava.chen");

        AuthOutcome outcome = challengeThenAnswer(phone, ChallengeKind.WWW, "REGISTER", "sip:larkspur.example");

        assertEquals(Status.AUTHENTICATED, outcome.status(), outcome.reason());
        assertEquals("rep-ava", outcome.credential().repId());
        assertEquals(DigestAlgorithm.SHA_256, phone.challenge().algorithm());
        assertEquals(1, phone.nonceCount());
    }

    @Test
    void shouldAuthenticateWithMd5WhenThePhonePrefersIt() {
        ClientDigest phone = new ClientDigest("ben.okafor", "demo-ben.okafor", List.of(DigestAlgorithm.MD5));

        AuthOutcome outcome = challengeThenAnswer(phone, ChallengeKind.WWW, "REGISTER", "sip:larkspur.example");

        assertEquals(Status.AUTHENTICATED, outcome.status(), outcome.reason());
        assertEquals(DigestAlgorithm.MD5, phone.challenge().algorithm());
    }

    @Test
    void shouldAnswerProxyChallengesWithProxyAuthorizationOnTheInviteUri() {
        ClientDigest phone = new ClientDigest("ava.chen", "demo-ava.chen");

        AuthOutcome outcome = challengeThenAnswer(phone, ChallengeKind.PROXY, "INVITE", "sip:+12125550100@127.0.0.1");

        assertEquals(Status.AUTHENTICATED, outcome.status(), outcome.reason());
        assertEquals(ChallengeKind.PROXY, phone.challenge().kind());
    }

    @Test
    void shouldCountUpOnEachReuseOfTheNonceSoTheServerAcceptsEveryRequest() {
        ClientDigest phone = new ClientDigest("ava.chen", "demo-ava.chen");
        assertEquals(Status.AUTHENTICATED, challengeThenAnswer(phone, ChallengeKind.WWW, "REGISTER",
                "sip:larkspur.example").status());

        for (int i = 2; i <= 4; i++) {
            SipMessage refresh = register();
            phone.authorize(refresh);
            assertTrue(refresh.raw().getHeader("Authorization").toString().contains("nc=0000000" + i), refresh.toString());
            assertEquals(Status.AUTHENTICATED, server.authenticate(refresh, ChallengeKind.WWW).status());
        }
        assertEquals(4, phone.nonceCount());
    }

    @Test
    void shouldBeRefusedWhenTheSameCredentialsAreSentTwice() {
        ClientDigest phone = new ClientDigest("ava.chen", "demo-ava.chen");
        SipMessage first = register();
        phone.onChallenge(server.challenge(first, ChallengeKind.WWW, false));
        String credentials = phone.credentials("REGISTER", "sip:larkspur.example");
        SipMessage once = register();
        SipMessage again = register();
        once.raw().addHeader(header("Authorization", credentials));
        again.raw().addHeader(header("Authorization", credentials));

        assertEquals(Status.AUTHENTICATED, server.authenticate(once, ChallengeKind.WWW).status());
        assertEquals(Status.FAILED, server.authenticate(again, ChallengeKind.WWW).status());
    }

    @Test
    void shouldStartCountingAgainOnTheFreshNonceOfAStaleChallenge() {
        ClientDigest phone = new ClientDigest("ava.chen", "demo-ava.chen");
        assertEquals(Status.AUTHENTICATED, challengeThenAnswer(phone, ChallengeKind.WWW, "REGISTER",
                "sip:larkspur.example").status());
        String oldNonce = phone.challenge().nonce();
        clock.advance(DigestSettings.DEFAULT_NONCE_LIFETIME_MS + 1);

        SipMessage late = register();
        phone.authorize(late);
        AuthOutcome stale = server.authenticate(late, ChallengeKind.WWW);
        assertEquals(Status.STALE, stale.status());
        ClientDigest.Challenge again = phone.onChallenge(server.challenge(late, ChallengeKind.WWW, true));
        SipMessage retry = register();
        phone.authorize(retry);

        assertTrue(again.stale());
        assertFalse(oldNonce.equals(again.nonce()));
        assertEquals(1, phone.nonceCount());
        assertEquals(Status.AUTHENTICATED, server.authenticate(retry, ChallengeKind.WWW).status());
    }

    @Test
    void shouldFailWithAWrongPassword() {
        ClientDigest phone = new ClientDigest("ava.chen", "not-the-password");

        AuthOutcome outcome = challengeThenAnswer(phone, ChallengeKind.WWW, "REGISTER", "sip:larkspur.example");

        assertEquals(Status.FAILED, outcome.status());
    }

    @Test
    void shouldRefuseAChallengeOfferingNoAlgorithmItAnswers() {
        DigestAuthenticator md5Server = new DigestAuthenticator(new DigestSettings(List.of(DigestAlgorithm.MD5),
                DigestSettings.DEFAULT_NONCE_LIFETIME_MS, DigestSettings.DEFAULT_MAX_TRACKED_NONCES, false),
                new TestCredentials(), clock);
        ClientDigest sha256Only = new ClientDigest("ava.chen", "demo-ava.chen", List.of(DigestAlgorithm.SHA_256));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sha256Only.onChallenge(md5Server.challenge(register(), ChallengeKind.WWW, false)));
        assertTrue(e.getMessage().contains("SHA_256"), e.getMessage());
    }

    @Test
    void shouldAddNoCredentialsBeforeAnyChallenge() {
        ClientDigest phone = new ClientDigest("ava.chen", "demo-ava.chen");
        SipMessage request = register();

        phone.authorize(request);

        assertEquals(null, request.raw().getHeader("Authorization"));
    }

    private static javax.sip.header.Header header(String name, String value) {
        try {
            return dev.acd.sip.dialog.SipFactories.headers().createHeader(name, value);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
