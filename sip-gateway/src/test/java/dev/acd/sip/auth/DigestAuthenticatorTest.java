package dev.acd.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.time.ManualClock;
import dev.acd.sip.auth.AuthOutcome.Status;
import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {
    private static final String URI = "sip:larkspur.example";
    private static final long T0 = 1_795_000_000_000L;

    private final ManualClock clock = new ManualClock(T0);
    private DigestAuthenticator auth = new DigestAuthenticator(DigestSettings.DEFAULTS, new TestCredentials(), clock);

    private static SipMessage register(String authorization) {
        return request("REGISTER", URI, "Authorization", authorization);
    }

    private static SipMessage request(String method, String uri, String header, String credentials) {
        return SipFixtures.parse(method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:ava.chen@larkspur.example>;tag=ft1\r\n"
                + "To: <sip:ava.chen@larkspur.example>\r\n"
                + "Call-ID: auth-test-1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + (credentials == null ? "" : header + ": " + credentials + "\r\n")
                + "Content-Length: 0\r\n\r\n");
    }

    private Map<String, String> challenge(String algorithm) {
        SipMessage challenge = auth.challenge(register(null), ChallengeKind.WWW, false);
        return DigestClient.challenge(challenge, "WWW-Authenticate", algorithm);
    }

    private String credentials(String algorithm, String user, String password, String nonce, String nc) {
        String ha1 = DigestClient.ha1(algorithm, user, TestCredentials.REALM, password);
        return DigestClient.credentials(algorithm, user, TestCredentials.REALM, ha1, nonce, nc, "c0ffee42",
                "REGISTER", URI);
    }

    @Test
    void shouldReproduceThePublishedRfcExamplesWithTheTestsOwnFormulas() {
        // RFC 2617 section 3.5 (MD5) and RFC 7616 section 3.9.1 (SHA-256; its MD5 value is wrong, erratum 4781).
        assertEquals("6629fae49393a05397450978507c4ef1", DigestClient.response("MD5",
                DigestClient.ha1("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life"),
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "GET", "/dir/index.html"));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", DigestClient.response(
                "SHA-256", DigestClient.ha1("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life"),
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "GET", "/dir/index.html"));
        Credential ava = new TestCredentials().find("ava.chen").orElseThrow();
        assertEquals(ava.md5Ha1(), DigestClient.ha1("MD5", "ava.chen", TestCredentials.REALM, "demo-ava.chen"));
        assertEquals(ava.sha256Ha1(), DigestClient.ha1("SHA-256", "ava.chen", TestCredentials.REALM,
                "demo-ava.chen"));
    }

    @Test
    void shouldChallengeWithSha256ThenMd5SharingOneFreshNonceAndQopAuth() {
        SipMessage challenge = auth.challenge(register(null), ChallengeKind.WWW, false);

        assertEquals(401, challenge.statusCode());
        List<Map<String, String>> offered = DigestClient.challenges(challenge, "WWW-Authenticate");
        assertEquals(2, offered.size());
        assertEquals("SHA-256", offered.get(0).get("algorithm"));
        assertEquals("MD5", offered.get(1).get("algorithm"));
        for (Map<String, String> c : offered) {
            assertEquals(TestCredentials.REALM, c.get("realm"));
            assertEquals("auth", c.get("qop"));
            assertFalse(c.containsKey("stale"), c.toString());
        }
        assertEquals(offered.get(0).get("nonce"), offered.get(1).get("nonce"));
        assertNotEquals(offered.get(0).get("nonce"), challenge().get("nonce"));
    }

    private Map<String, String> challenge() {
        return challenge("MD5");
    }

    @Test
    void shouldAuthenticateASha256ResponseToItsChallengeAsTheUsersRep() {
        String nonce = challenge("SHA-256").get("nonce");

        AuthOutcome outcome = auth.authenticate(register(credentials("SHA-256", "ava.chen", "demo-ava.chen", nonce,
                "00000001")), ChallengeKind.WWW);

        assertEquals(Status.AUTHENTICATED, outcome.status(), outcome.toString());
        assertEquals("rep-ava", outcome.credential().repId());
    }

    @Test
    void shouldAuthenticateAnMd5ResponseToItsChallenge() {
        String nonce = challenge("MD5").get("nonce");

        AuthOutcome outcome = auth.authenticate(register(credentials("MD5", "ben.okafor", "demo-ben.okafor", nonce,
                "00000001")), ChallengeKind.WWW);

        assertEquals(Status.AUTHENTICATED, outcome.status(), outcome.toString());
        assertEquals("ben.okafor", outcome.user());
    }

    @Test
    void shouldFailAWrongPasswordNamingTheUser() {
        String nonce = challenge("SHA-256").get("nonce");

        AuthOutcome outcome = auth.authenticate(register(credentials("SHA-256", "ava.chen", "guess", nonce,
                "00000001")), ChallengeKind.WWW);

        assertEquals(Status.FAILED, outcome.status());
        assertEquals("ava.chen", outcome.user());
        assertTrue(outcome.isFailure());
    }

    @Test
    void shouldFailAnUnknownUserLikeAWrongPassword() {
        String nonce = challenge("MD5").get("nonce");

        AuthOutcome outcome = auth.authenticate(register(credentials("MD5", "mallory", "x", nonce, "00000001")),
                ChallengeKind.WWW);

        assertEquals(Status.FAILED, outcome.status());
        assertEquals("unknown user", outcome.reason());
    }

    @Test
    void shouldAnswerStaleWhenTheRightCredentialsUseAnExpiredNonceAndChallengeWithStaleTrue() {
        String nonce = challenge("SHA-256").get("nonce");
        clock.advance(DigestSettings.DEFAULT_NONCE_LIFETIME_MS + 1);

        AuthOutcome outcome = auth.authenticate(register(credentials("SHA-256", "ava.chen", "demo-ava.chen", nonce,
                "00000001")), ChallengeKind.WWW);

        assertEquals(Status.STALE, outcome.status(), outcome.toString());
        assertFalse(outcome.isFailure());
        SipMessage again = auth.challenge(register(null), ChallengeKind.WWW, true);
        for (Map<String, String> c : DigestClient.challenges(again, "WWW-Authenticate")) {
            assertEquals("true", c.get("stale"));
            assertNotEquals(nonce, c.get("nonce"));
        }
    }

    @Test
    void shouldFailRatherThanSayStaleWhenAnExpiredNonceComesWithAWrongPassword() {
        String nonce = challenge("SHA-256").get("nonce");
        clock.advance(DigestSettings.DEFAULT_NONCE_LIFETIME_MS + 1);

        AuthOutcome outcome = auth.authenticate(register(credentials("SHA-256", "ava.chen", "guess", nonce,
                "00000001")), ChallengeKind.WWW);

        assertEquals(Status.FAILED, outcome.status());
    }

    @Test
    void shouldAcceptGrowingNonceCountsAndRefuseAReplayedOne() {
        String nonce = challenge("SHA-256").get("nonce");
        SipMessage first = register(credentials("SHA-256", "ava.chen", "demo-ava.chen", nonce, "00000001"));
        SipMessage second = register(credentials("SHA-256", "ava.chen", "demo-ava.chen", nonce, "00000002"));

        assertEquals(Status.AUTHENTICATED, auth.authenticate(first, ChallengeKind.WWW).status());
        assertEquals(Status.AUTHENTICATED, auth.authenticate(second, ChallengeKind.WWW).status());
        AuthOutcome replayed = auth.authenticate(first, ChallengeKind.WWW);

        assertEquals(Status.FAILED, replayed.status());
        assertTrue(replayed.reason().contains("replay"), replayed.reason());
        assertEquals(Status.FAILED, auth.authenticate(second, ChallengeKind.WWW).status());
    }

    @Test
    void shouldFailCredentialsForAnotherRealm() {
        String nonce = challenge("MD5").get("nonce");
        String ha1 = DigestClient.ha1("MD5", "ava.chen", "other.example", "demo-ava.chen");
        String credentials = DigestClient.credentials("MD5", "ava.chen", "other.example", ha1, nonce, "00000001",
                "abc", "REGISTER", URI);

        AuthOutcome outcome = auth.authenticate(register(credentials), ChallengeKind.WWW);

        assertEquals(Status.FAILED, outcome.status());
        assertEquals("ava.chen", outcome.user());
        assertTrue(outcome.reason().contains("realm"), outcome.reason());
    }

    @Test
    void shouldFailANonceWeDidNotIssue() {
        String forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        AuthOutcome outcome = auth.authenticate(register(credentials("MD5", "ava.chen", "demo-ava.chen", forged,
                "00000001")), ChallengeKind.WWW);

        assertEquals(Status.FAILED, outcome.status());
        assertEquals("nonce was not issued by us", outcome.reason());
    }

    @Test
    void shouldFailANonceFromAnotherAuthenticatorInstanceSuchAsBeforeARestart() {
        String nonce = challenge("MD5").get("nonce");
        auth = new DigestAuthenticator(DigestSettings.DEFAULTS, new TestCredentials(), clock);

        assertEquals(Status.FAILED, auth.authenticate(register(credentials("MD5", "ava.chen", "demo-ava.chen", nonce,
                "00000001")), ChallengeKind.WWW).status());
    }

    @Test
    void shouldFailWhenTheDigestUriIsNotTheRequestUri() {
        String nonce = challenge("MD5").get("nonce");
        String ha1 = DigestClient.ha1("MD5", "ava.chen", TestCredentials.REALM, "demo-ava.chen");
        String credentials = DigestClient.credentials("MD5", "ava.chen", TestCredentials.REALM, ha1, nonce,
                "00000001", "abc", "REGISTER", "sip:elsewhere.example");

        AuthOutcome outcome = auth.authenticate(register(credentials), ChallengeKind.WWW);

        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.reason().contains("Request-URI"), outcome.reason());
    }

    @Test
    void shouldGiveNoCredentialsWhenTheRequestHasNone() {
        AuthOutcome outcome = auth.authenticate(register(null), ChallengeKind.WWW);

        assertEquals(Status.NO_CREDENTIALS, outcome.status());
        assertFalse(outcome.isFailure());
    }

    @Test
    void shouldCallABadNonceCountMalformed() {
        String nonce = challenge("MD5").get("nonce");
        String credentials = credentials("MD5", "ava.chen", "demo-ava.chen", nonce, "00000001")
                .replace("nc=00000001", "nc=zz");

        AuthOutcome outcome = auth.authenticate(register(credentials), ChallengeKind.WWW);

        assertEquals(Status.MALFORMED, outcome.status());
        assertTrue(outcome.reason().contains("nc"), outcome.reason());
        assertTrue(outcome.isFailure());
    }

    @Test
    void shouldChallengeAnInviteWith407AndAcceptProxyAuthorization() {
        String invite = "sip:+4940999000@larkspur.example";
        SipMessage challenge = auth.challenge(request("INVITE", invite, null, null), ChallengeKind.PROXY, false);
        assertEquals(407, challenge.statusCode());
        assertTrue(DigestClient.challenges(challenge, "WWW-Authenticate").isEmpty());
        String nonce = DigestClient.challenge(challenge, "Proxy-Authenticate", "SHA-256").get("nonce");
        String ha1 = DigestClient.ha1("SHA-256", "ava.chen", TestCredentials.REALM, "demo-ava.chen");
        String credentials = DigestClient.credentials("SHA-256", "ava.chen", TestCredentials.REALM, ha1, nonce,
                "00000001", "abc", "INVITE", invite);

        assertEquals(Status.AUTHENTICATED, auth.authenticate(request("INVITE", invite, "Proxy-Authorization",
                credentials), ChallengeKind.PROXY).status());
        assertEquals(Status.NO_CREDENTIALS, auth.authenticate(request("INVITE", invite, "Authorization",
                credentials), ChallengeKind.PROXY).status());
    }

    @Test
    void shouldRefuseAResponseWithoutQopUnlessEnabledAndThenAcceptItOncePerNonce() {
        String nonce = challenge("MD5").get("nonce");
        String ha1 = DigestClient.ha1("MD5", "ava.chen", TestCredentials.REALM, "demo-ava.chen");
        String credentials = "Digest username=\"ava.chen\", realm=\"larkspur.example\", nonce=\"" + nonce
                + "\", uri=\"" + URI + "\", response=\""
                + DigestClient.responseWithoutQop("MD5", ha1, nonce, "REGISTER", URI) + "\", algorithm=MD5";
        assertEquals(Status.FAILED, auth.authenticate(register(credentials), ChallengeKind.WWW).status());

        auth = new DigestAuthenticator(DigestSettings.DEFAULTS.withAcceptNoQop(true), new TestCredentials(), clock);
        String fresh = challenge("MD5").get("nonce");
        String once = credentials.replace(nonce, fresh).replaceAll("response=\"[0-9a-f]+\"", "response=\""
                + DigestClient.responseWithoutQop("MD5", ha1, fresh, "REGISTER", URI) + "\"");

        assertEquals(Status.AUTHENTICATED, auth.authenticate(register(once), ChallengeKind.WWW).status());
        assertEquals(Status.FAILED, auth.authenticate(register(once), ChallengeKind.WWW).status());
    }

    @Test
    void shouldFailSha256ForAUserWithOnlyAnMd5HashButAcceptMd5() {
        String nonce = challenge("MD5").get("nonce");

        assertEquals(Status.FAILED, auth.authenticate(register(credentials("SHA-256", "md5.only", "demo-md5.only",
                nonce, "00000001")), ChallengeKind.WWW).status());
        assertEquals(Status.AUTHENTICATED, auth.authenticate(register(credentials("MD5", "md5.only",
                "demo-md5.only", nonce, "00000001")), ChallengeKind.WWW).status());
    }

    @Test
    void shouldKeepTheNonceCountTableBoundedAndTreatAForgottenLiveNonceAsStaleNotAsNew() {
        auth = new DigestAuthenticator(DigestSettings.DEFAULTS.withMaxTrackedNonces(2), new TestCredentials(), clock);
        String first = challenge("MD5").get("nonce");
        clock.advance(1);
        String second = challenge("MD5").get("nonce");
        clock.advance(1);
        String third = challenge("MD5").get("nonce");
        for (String nonce : List.of(first, second, third)) {
            assertEquals(Status.AUTHENTICATED, auth.authenticate(register(credentials("MD5", "ava.chen",
                    "demo-ava.chen", nonce, "00000001")), ChallengeKind.WWW).status());
        }

        assertEquals(2, auth.trackedNonces());
        AuthOutcome replayOfForgotten = auth.authenticate(register(credentials("MD5", "ava.chen", "demo-ava.chen",
                first, "00000001")), ChallengeKind.WWW);
        assertEquals(Status.STALE, replayOfForgotten.status(), replayOfForgotten.toString());
    }
}
