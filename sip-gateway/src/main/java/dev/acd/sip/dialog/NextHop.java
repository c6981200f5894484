package dev.acd.sip.dialog;

import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Where a request goes: the transport and address taken from a SIP URI (a Route or the Request-URI), its
 * {@code transport} parameter winning over the fallback (RFC 3261 section 8.1.2, without RFC 3263 DNS look-ups:
 * a host name is resolved with the system resolver, an IP address is used as is).
 */
public record NextHop(SipTransport transport, InetSocketAddress address) {
    public static final int DEFAULT_SIP_PORT = 5060;

    /**
     * @throws IllegalArgumentException when {@code uri} is not a SIP URI or names a transport we do not speak
     */
    public static NextHop of(URI uri, SipTransport fallback) {
        if (!(uri instanceof SipURI sip)) {
            throw new IllegalArgumentException("cannot send to a non-SIP URI: " + uri);
        }
        SipTransport transport = fallback;
        String param = sip.getTransportParam();
        if (param != null) {
            switch (param.toLowerCase(Locale.ROOT)) {
                case "udp" -> transport = SipTransport.UDP;
                case "tcp" -> transport = SipTransport.TCP;
                default -> throw new IllegalArgumentException("transport " + param + " of " + uri + " is not supported");
            }
        }
        int port = sip.getPort() > 0 ? sip.getPort() : DEFAULT_SIP_PORT;
        return new NextHop(transport, new InetSocketAddress(sip.getHost(), port));
    }
}
