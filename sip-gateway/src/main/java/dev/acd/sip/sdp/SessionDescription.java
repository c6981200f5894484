package dev.acd.sip.sdp;

import java.util.List;

/**
 * A parsed or built SDP body (RFC 4566): the parts offer/answer needs. Immutable. {@link #encode()} writes it back
 * with CRLF line ends, session-level {@code c=} and a direction attribute in every media section.
 *
 * @param originUser the {@code o=} username ("-" when none)
 * @param sessionId the {@code o=} sess-id
 * @param sessionVersion the {@code o=} sess-version, incremented by the writer for every change (RFC 3264 section 8)
 * @param originAddress the {@code o=} unicast address
 * @param sessionName the {@code s=} text
 * @param connectionAddress the session-level {@code c=} address, or null when every media section has its own
 */
public record SessionDescription(String originUser, String sessionId, long sessionVersion, String originAddress,
        String sessionName, String connectionAddress, List<MediaDescription> media) {

    public SessionDescription {
        media = List.copyOf(media);
    }

    /** The address media of a section goes to: its own {@code c=} or the session's. */
    public String connectionAddressOf(MediaDescription m) {
        return m.connectionAddress() != null ? m.connectionAddress() : connectionAddress;
    }

    /** The body text, CRLF line ends. */
    public String encode() {
        StringBuilder b = new StringBuilder(256);
        line(b, "v=0");
        line(b, "o=" + originUser + " " + sessionId + " " + sessionVersion + " IN " + addressType(originAddress) + " "
                + originAddress);
        line(b, "s=" + (sessionName.isEmpty() ? "-" : sessionName));
        if (connectionAddress != null) {
            line(b, "c=IN " + addressType(connectionAddress) + " " + connectionAddress);
        }
        line(b, "t=0 0");
        for (MediaDescription m : media) {
            StringBuilder formats = new StringBuilder();
            for (int pt : m.formats()) {
                formats.append(' ').append(pt);
            }
            line(b, "m=" + m.media() + " " + m.port() + " " + m.protocol() + formats);
            if (m.connectionAddress() != null) {
                line(b, "c=IN " + addressType(m.connectionAddress()) + " " + m.connectionAddress());
            }
            for (int pt : m.formats()) {
                RtpMap map = m.rtpMaps().get(pt);
                if (map != null) {
                    line(b, "a=rtpmap:" + map.value());
                }
                String fmtp = m.fmtps().get(pt);
                if (fmtp != null) {
                    line(b, "a=fmtp:" + pt + " " + fmtp);
                }
            }
            if (m.ptimeMs() > 0) {
                line(b, "a=ptime:" + m.ptimeMs());
            }
            line(b, "a=" + m.direction().attribute());
        }
        return b.toString();
    }

    private static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append("\r\n");
    }
}
