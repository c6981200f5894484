package dev.acd.sip.ua;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A rep's softphone for registration interop tests: the JAIN-SIP RI stack with its own client transactions, answering
 * 401 challenges with JAIN-SIP's own {@link AuthenticationHelper} (an {@link AccountManager} holding the password),
 * not our digest code. Records every final response to a REGISTER as "status REGISTER".
 *
 * <p>JAIN-SIP RI 1.3.0-91 hashes with MD5 whatever algorithm a challenge names, and answers every challenge of a
 * 401 (one Authorization each, in order); its cnonce and nc are fixed ("xyz", 00000001). So it registers only when
 * MD5 is offered first, and each REGISTER goes unauthenticated first and answers its own fresh challenge (no
 * cached credentials, which would replay nc=1 on an old nonce).
 */
final class JainSipSoftphone implements SipListener, AutoCloseable {
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final AuthenticationHelper auth;
    private final String transport;
    private final String user;
    private final int port;
    private final String callId;
    private volatile long cseq;
    /** "401 REGISTER" (when given up), "200 REGISTER", "timeout", ... in order. */
    final List<String> events = new CopyOnWriteArrayList<>();
    /** Every final response to a REGISTER, the challenges answered included. */
    final List<Response> responses = new CopyOnWriteArrayList<>();
    /** The algorithm of the first Authorization of each REGISTER that got a 200. */
    final List<String> acceptedAlgorithms = new CopyOnWriteArrayList<>();

    JainSipSoftphone(String transport, String user, String password) throws Exception {
        this.transport = transport;
        this.user = user;
        this.port = freePort();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "jain-softphone-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = factory.createSipStack(p);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, transport);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        auth = ((SipStackExt) stack).getAuthenticationHelper(new Account(user, password), headers);
        callId = provider.getNewCallId().getCallId();
        stack.start();
    }

    private record Account(String user, String password) implements AccountManager, UserCredentials {
        @Override
        public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
            return this;
        }

        @Override
        public String getUserName() {
            return user;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String getSipDomain() {
            return "larkspur.example";
        }
    }

    /** A port free for both UDP and TCP on loopback (JAIN-SIP refuses port 0). */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the UDP port of that number is in use: try another
            }
        }
        throw new IOException("no port free for both UDP and TCP on loopback");
    }

    /** The Contact URI this phone registers. */
    String contactUri() {
        return "sip:" + user + "@127.0.0.1:" + port + ";transport=" + transport;
    }

    /**
     * Sends a REGISTER to {@code registrar} ("127.0.0.1:port") asking for {@code expires} seconds (0 un-registers),
     * in the same Call-ID as the phone's earlier ones with the next CSeq.
     */
    void register(String registrar, int expires) throws Exception {
        SipURI requestUri = addresses.createSipURI(null, registrar);
        requestUri.setTransportParam(transport);
        Address aor = addresses.createAddress("sip:" + user + "@larkspur.example");
        Request register = messages.createRequest(requestUri, Request.REGISTER, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(++cseq, Request.REGISTER), headers.createFromHeader(aor, "phone" + port),
                headers.createToHeader(aor, null),
                List.of(headers.createViaHeader("127.0.0.1", port, transport, null)),
                headers.createMaxForwardsHeader(70));
        register.addHeader(headers.createContactHeader(addresses.createAddress(contactUri())));
        register.addHeader(headers.createExpiresHeader(expires));
        provider.getNewClientTransaction(register).sendRequest();
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader sent = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (response.getStatusCode() < 200) {
            return;
        }
        responses.add(response);
        cseq = Math.max(cseq, sent.getSeqNumber());
        ClientTransaction challenged = event.getClientTransaction();
        boolean alreadyAnswered = challenged != null
                && challenged.getRequest().getHeader(AuthorizationHeader.NAME) != null;
        if (response.getStatusCode() == Response.UNAUTHORIZED && challenged != null && !alreadyAnswered) {
            try {
                // cacheTime 0: no cached credentials; loose routing: keep our Request-URI as it is
                ClientTransaction retry = auth.handleChallenge(response, challenged, provider, 0, true);
                cseq = Math.max(cseq, ((CSeqHeader) retry.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber());
                retry.sendRequest();
            } catch (Exception e) {
                events.add("error " + e);
            }
            return;
        }
        if (response.getStatusCode() == Response.OK && challenged != null
                && challenged.getRequest().getHeader(AuthorizationHeader.NAME) instanceof AuthorizationHeader a) {
            acceptedAlgorithms.add(a.getAlgorithm());
        }
        events.add(response.getStatusCode() + " " + sent.getMethod());
    }

    @Override
    public void processRequest(RequestEvent event) {
        events.add("unexpected " + event.getRequest().getMethod());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        events.add("timeout");
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        events.add("io-error");
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        stack.stop();
    }
}
