package dev.acd.sip.ua;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An independent SIP phone for interop tests: the JAIN-SIP RI stack with its own transactions and dialogs, not our
 * code. Answers INVITEs at once (180, 200), places calls, sends BYE; records events as short strings.
 */
final class JainSipPhone implements SipListener, AutoCloseable {
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String transport;
    private final int port;
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile Dialog dialog;

    JainSipPhone(String transport) throws Exception {
        this.transport = transport;
        this.port = freePort();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "jain-peer-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = factory.createSipStack(p);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, transport);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
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

    /** This phone's address as a URI our test UA can call. */
    String uri() {
        return "sip:bob@127.0.0.1:" + port + ";transport=" + transport;
    }

    /** Calls {@code uri} (our test UA); the 200 is ACKed by JAIN-SIP's dialog. */
    void call(String uri) throws Exception {
        SipURI requestUri = (SipURI) addresses.createURI(uri);
        Address from = addresses.createAddress("sip:bob@127.0.0.1:" + port);
        Request invite = messages.createRequest(requestUri, Request.INVITE, provider.getNewCallId(),
                headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(from, "jain" + port),
                headers.createToHeader(addresses.createAddress(uri), null),
                List.of(headers.createViaHeader("127.0.0.1", port, transport, null)),
                headers.createMaxForwardsHeader(70));
        invite.addHeader(contact());
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        dialog = ct.getDialog();
        ct.sendRequest();
    }

    void bye() throws Exception {
        Request bye = dialog.createRequest(Request.BYE);
        ClientTransaction ct = provider.getNewClientTransaction(bye);
        dialog.sendRequest(ct);
    }

    private javax.sip.header.ContactHeader contact() throws Exception {
        SipURI uri = addresses.createSipURI("bob", "127.0.0.1");
        uri.setPort(port);
        uri.setTransportParam(transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            ServerTransaction st = event.getServerTransaction();
            switch (request.getMethod()) {
                case Request.INVITE -> {
                    if (st == null) {
                        st = provider.getNewServerTransaction(request);
                    }
                    events.add("invite");
                    Response ringing = messages.createResponse(Response.RINGING, request);
                    ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag("bob" + port);
                    ringing.addHeader(contact());
                    st.sendResponse(ringing);
                    Response ok = messages.createResponse(Response.OK, request);
                    ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("bob" + port);
                    ok.addHeader(contact());
                    dialog = st.getDialog();
                    st.sendResponse(ok);
                }
                case Request.ACK -> events.add("ack");
                case Request.BYE -> {
                    if (st == null) {
                        st = provider.getNewServerTransaction(request);
                    }
                    events.add("bye");
                    st.sendResponse(messages.createResponse(Response.OK, request));
                }
                default -> events.add("unexpected " + request.getMethod());
            }
        } catch (Exception e) {
            events.add("error " + e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        events.add(response.getStatusCode() + " " + cseq.getMethod());
        if (response.getStatusCode() == Response.OK && Request.INVITE.equals(cseq.getMethod())) {
            try {
                Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
                dialog = d;
                d.sendAck(d.createAck(cseq.getSeqNumber()));
            } catch (Exception e) {
                events.add("error " + e);
            }
        }
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
