package dev.acd.sip.registrar;

import dev.acd.sip.transaction.ManualScheduler;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.auth.DigestClient;
import dev.acd.sip.auth.DigestSettings;
import dev.acd.sip.auth.TestCredentials;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.DefenceSettings;
import dev.acd.sip.defence.RecordingPublisher;
import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.NonInviteServerTransaction;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A registrar with everything around it in memory: REGISTERs are built as text, parsed by our parser, and handed to
 * the registrar in a real non-INVITE server transaction whose responses are kept. Phones answer challenges with
 * {@link DigestClient} (the RFC formulas, not the code under test).
 */
final class RegistrarHarness {
    static final long T0 = 1_795_000_000_000L;
    static final InetSocketAddress PHONE = new InetSocketAddress("198.51.100.20", 61_000);

    final ManualScheduler time = new ManualScheduler(T0);
    final RecordingPublisher publisher = new RecordingPublisher();
    final FakeSender sender = new FakeSender(time);
    final Defence defence;
    final Registrar registrar;
    private int branch;
    private int nc;
    private Map<String, String> lastChallenge;
    /** The credentials of the last {@link #registerWithPassword}, as a replaying attacker would copy them. */
    String lastAuthorization;

    RegistrarHarness() {
        this(RegistrarSettings.DEFAULTS, DefenceSettings.DEFAULTS);
    }

    RegistrarHarness(RegistrarSettings settings, DefenceSettings defenceSettings) {
        defence = new Defence(defenceSettings, time.clock(), publisher);
        DigestAuthenticator authenticator = new DigestAuthenticator(DigestSettings.DEFAULTS, new TestCredentials(),
                time.clock());
        registrar = new Registrar(settings, authenticator, defence, sender, time, time.clock(), publisher);
    }

    /** A REGISTER under construction; {@link #header} adds any header line. */
    final class Register {
        String user = "ava.chen";
        String toUser;
        String fromUser;
        String callId = "reg-1@198.51.100.20";
        long cseq = 1;
        final List<String> headers = new ArrayList<>();

        Register as(String who) {
            user = who;
            return this;
        }

        Register to(String who) {
            toUser = who;
            return this;
        }

        Register from(String who) {
            fromUser = who;
            return this;
        }

        Register callId(String id) {
            callId = id;
            return this;
        }

        Register cseq(long n) {
            cseq = n;
            return this;
        }

        Register contact(String value) {
            return header("Contact: " + value);
        }

        Register expires(int seconds) {
            return header("Expires: " + seconds);
        }

        Register header(String line) {
            headers.add(line);
            return this;
        }

        String text(String authorization) {
            String to = toUser == null ? user : toUser;
            String from = fromUser == null ? user : fromUser;
            return "REGISTER sip:larkspur.example SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 10.1.1.20:5060;branch=z9hG4bKreg" + (++branch) + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + from + "@larkspur.example>;tag=ft" + callId.hashCode() + "\r\n"
                    + "To: <sip:" + to + "@larkspur.example>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + cseq + " REGISTER\r\n"
                    + String.join("", headers.stream().map(h -> h + "\r\n").toList())
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: 0\r\n\r\n";
        }
    }

    Register register() {
        return new Register();
    }

    /** Hands one REGISTER text to the registrar; the response it sent, or null when it sent none. */
    SipMessage send(String text, InetSocketAddress from, SipTransport transport) {
        SipMessage request = SipFixtures.parse(text);
        List<SipMessage> responses = new ArrayList<>();
        NonInviteServerTransaction tx = new NonInviteServerTransaction(request, transport.reliable(),
                TimerSettings.DEFAULTS, time, responses::add);
        registrar.onRegister(tx, request, from, transport);
        return responses.isEmpty() ? null : responses.get(responses.size() - 1);
    }

    SipMessage send(Register r, String authorization) {
        return send(r.text(authorization), PHONE, SipTransport.UDP);
    }

    /**
     * The usual exchange: without credentials (expects 401), then with the password answering the SHA-256
     * challenge at the next CSeq; the second response.
     */
    SipMessage registerWithPassword(Register r, String password, InetSocketAddress from, SipTransport transport) {
        SipMessage challenge = send(r.text(null), from, transport);
        if (challenge.statusCode() != 401) {
            throw new AssertionError("expected a 401 challenge, got " + challenge);
        }
        lastChallenge = DigestClient.challenge(challenge, "WWW-Authenticate", "SHA-256");
        nc = 0;
        r.cseq(r.cseq + 1);
        lastAuthorization = authorization(r.user, password);
        return send(r.text(lastAuthorization), from, transport);
    }

    SipMessage registerWithPassword(Register r, String password) {
        return registerWithPassword(r, password, PHONE, SipTransport.UDP);
    }

    /** Credentials answering the last challenge with the next nonce-count. */
    String authorization(String user, String password) {
        String ha1 = DigestClient.ha1("SHA-256", user, TestCredentials.REALM, password);
        return DigestClient.credentials("SHA-256", user, TestCredentials.REALM, ha1, lastChallenge.get("nonce"),
                String.format("%08x", ++nc), "cn" + nc, "REGISTER", "sip:larkspur.example");
    }

    /** Registers with the demo password: 401 then 200. */
    SipMessage registerOk(Register r) {
        SipMessage ok = registerWithPassword(r, TestCredentials.password(r.user));
        if (ok.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + ok);
        }
        return ok;
    }
}
