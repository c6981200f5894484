package dev.acd.sip.call;

import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipMessageParser;
import dev.acd.sip.message.SipResponses;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.header.ContactHeader;

/**
 * A rep's phone on a bare UDP socket that rings and answers only when the test says so, even after a CANCEL: our
 * stack would answer a CANCEL with 487 at once, so only a phone below the transaction layer can make its 200 cross
 * our CANCEL (RFC 3261 section 9.1). Answers CANCEL and BYE with 200 and records every request it got.
 */
final class HeldAnswerPhone implements AutoCloseable {
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 9 RTP/AVP 0\r\na=sendrecv\r\n";

    private final DatagramSocket socket;
    private final Thread reader;
    private final SipMessageParser parser = new SipMessageParser();
    /** The methods of the requests received, in order: "INVITE", "CANCEL", "ACK", "BYE". */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile SipMessage invite;
    private volatile InetSocketAddress gateway;
    private volatile String toTag;
    private final boolean rings;

    /** @param rings whether the INVITE gets a 180 at once; without one our CANCEL has to wait (section 9.1) */
    HeldAnswerPhone(boolean rings) throws SocketException {
        this.rings = rings;
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        reader = new Thread(this::read, "held-answer-phone");
        reader.setDaemon(true);
        reader.start();
    }

    /** Where the router's offer reaches this phone, a reach of kind SIP_URI. */
    String uri() {
        return "sip:rep@127.0.0.1:" + socket.getLocalPort();
    }

    boolean rung() {
        return invite != null;
    }

    /** Sends the 200 with SDP for the INVITE that rang, whatever happened since. */
    void answer() {
        SipMessage ok = respond(invite, 200);
        try {
            ContactHeader contact = SipFactories.headers().createContactHeader(
                    SipFactories.addresses().createAddress(uri()));
            ok.raw().setHeader(contact);
            ok.raw().setContent(SDP, SipFactories.headers().createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        send(ok);
    }

    private void read() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            SipMessage message = parser.parse(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
            if (message.isFailed() || !message.isRequest()) {
                continue;
            }
            gateway = (InetSocketAddress) packet.getSocketAddress();
            onRequest(message);
        }
    }

    private void onRequest(SipMessage request) {
        requests.add(request.method());
        switch (request.method()) {
            case "INVITE" -> {
                if (invite == null) {
                    toTag = SipResponses.newTag();
                    invite = request;
                }
                if (rings) {
                    send(respond(request, 180));
                }
            }
            case "CANCEL", "BYE" -> send(respond(request, 200));
            default -> {
            }
        }
    }

    private SipMessage respond(SipMessage request, int status) {
        SipMessage response = SipResponses.create(request, status, null);
        if ("INVITE".equals(request.method())) {
            try {
                response.raw().getTo().setTag(toTag);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        return response;
    }

    private void send(SipMessage message) {
        byte[] bytes = message.encode();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, gateway));
        } catch (IOException e) {
            throw new IllegalStateException("cannot send " + message.statusCode(), e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
