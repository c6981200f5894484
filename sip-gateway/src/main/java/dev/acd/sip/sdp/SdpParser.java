package dev.acd.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an SDP body (RFC 4566) into a {@link SessionDescription}. Lines end in CRLF or LF; lines of types we do not
 * use (i, u, e, p, b, z, k, r, and unknown attributes) are skipped. Anything malformed in what we use fails with an
 * {@link SdpException} (status 400) naming the line number and text. Stateless and thread-safe.
 *
 * <p>We parse ourselves rather than with JAIN-SIP's {@code javax.sdp}: its model is mutable, full of checked
 * exceptions on every getter, and its errors do not say which line was wrong.
 */
public final class SdpParser {
    /** Bodies larger than this are refused: an audio offer is a few hundred bytes. */
    public static final int MAX_SDP_BYTES = 16 * 1024;

    private SdpParser() {
    }

    /** Parses a whole body. */
    public static SessionDescription parse(String body) throws SdpException {
        if (body == null || body.isBlank()) {
            throw SdpException.malformed("empty body");
        }
        if (body.length() > MAX_SDP_BYTES) {
            throw SdpException.malformed("body of " + body.length() + " characters, more than " + MAX_SDP_BYTES);
        }
        String[] lines = body.split("\r?\n");
        Session session = new Session();
        Media current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw SdpException.malformed(number, line, "expected '<type>=<value>'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (number == 1 && type != 'v') {
                throw SdpException.malformed(number, line, "an SDP body starts with 'v=0'");
            }
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw SdpException.malformed(number, line, "only SDP version 0 is known");
                    }
                }
                case 'o' -> session.origin(number, line, value);
                case 's' -> session.name = value;
                case 'c' -> {
                    String address = connection(number, line, value);
                    if (current == null) {
                        session.connection = address;
                    } else {
                        current.connection = address;
                    }
                }
                case 'm' -> {
                    current = Media.parse(number, line, value);
                    session.media.add(current);
                }
                case 'a' -> {
                    if (current == null) {
                        MediaDirection d = MediaDirection.byAttribute(value);
                        if (d != null) {
                            session.direction = d;
                        }
                    } else {
                        current.attribute(number, line, value);
                    }
                }
                default -> {
                    if (type < 'a' || type > 'z') {
                        throw SdpException.malformed(number, line, "unknown line type '" + type + "'");
                    }
                }
            }
        }
        return session.build();
    }

    private static String connection(int number, String line, String value) throws SdpException {
        String[] f = value.split(" ");
        if (f.length != 3 || !f[0].equals("IN") || !(f[1].equals("IP4") || f[1].equals("IP6"))) {
            throw SdpException.malformed(number, line, "expected 'c=IN IP4|IP6 <address>'");
        }
        int slash = f[2].indexOf('/');
        return slash < 0 ? f[2] : f[2].substring(0, slash);
    }

    private static int integer(int number, String line, String text, String what, int max) throws SdpException {
        try {
            int v = Integer.parseInt(text);
            if (v < 0 || v > max) {
                throw SdpException.malformed(number, line, what + " " + v + " out of range 0.." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw SdpException.malformed(number, line, what + " '" + text + "' is not a number");
        }
    }

    private static final class Session {
        String user;
        String id;
        long version;
        String originAddress;
        String name = "-";
        String connection;
        MediaDirection direction;
        final List<Media> media = new ArrayList<>();

        void origin(int number, String line, String value) throws SdpException {
            String[] f = value.split(" ");
            if (f.length != 6) {
                throw SdpException.malformed(number, line,
                        "expected 'o=<user> <sess-id> <sess-version> IN <addrtype> <address>'");
            }
            user = f[0];
            id = f[1];
            try {
                version = Long.parseUnsignedLong(f[2]);
            } catch (NumberFormatException e) {
                throw SdpException.malformed(number, line, "sess-version '" + f[2] + "' is not a number");
            }
            originAddress = f[5];
        }

        SessionDescription build() throws SdpException {
            if (user == null) {
                throw SdpException.malformed("no 'o=' line");
            }
            List<MediaDescription> built = new ArrayList<>();
            for (Media m : media) {
                if (m.connection == null && connection == null && m.port != 0) {
                    throw SdpException.malformed(m.number, m.line, "no 'c=' line for this media, nor for the session");
                }
                MediaDirection d = m.direction != null ? m.direction
                        : direction != null ? direction : MediaDirection.SENDRECV;
                built.add(new MediaDescription(m.type, m.port, m.protocol, m.formats, m.rtpMaps, m.fmtps,
                        m.connection, d, m.ptime));
            }
            return new SessionDescription(user, id, version, originAddress, name, connection, built);
        }
    }

    private static final class Media {
        final int number;
        final String line;
        String type;
        int port;
        String protocol;
        final List<Integer> formats = new ArrayList<>();
        final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        final Map<Integer, String> fmtps = new HashMap<>();
        String connection;
        MediaDirection direction;
        int ptime;

        private Media(int number, String line) {
            this.number = number;
            this.line = line;
        }

        static Media parse(int number, String line, String value) throws SdpException {
            String[] f = value.split(" ");
            if (f.length < 4) {
                throw SdpException.malformed(number, line, "expected 'm=<media> <port> <proto> <fmt> ...'");
            }
            Media m = new Media(number, line);
            m.type = f[0];
            String port = f[1];
            int slash = port.indexOf('/');
            m.port = integer(number, line, slash < 0 ? port : port.substring(0, slash), "port", 65535);
            m.protocol = f[2];
            boolean rtp = m.protocol.startsWith("RTP/");
            for (int i = 3; i < f.length; i++) {
                if (rtp) {
                    m.formats.add(integer(number, line, f[i], "payload type", 127));
                }
            }
            return m;
        }

        void attribute(int number, String text, String value) throws SdpException {
            MediaDirection d = MediaDirection.byAttribute(value);
            if (d != null) {
                direction = d;
            } else if (value.startsWith("rtpmap:")) {
                // rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]
                String[] f = value.substring(7).split(" ", 2);
                String[] enc = f.length == 2 ? f[1].split("/") : new String[0];
                if (enc.length < 2) {
                    throw SdpException.malformed(number, text, "expected 'a=rtpmap:<pt> <name>/<rate>'");
                }
                int pt = integer(number, text, f[0], "payload type", 127);
                int rate = integer(number, text, enc[1], "clock rate", Integer.MAX_VALUE);
                rtpMaps.put(pt, new RtpMap(pt, enc[0], rate));
            } else if (value.startsWith("fmtp:")) {
                String[] f = value.substring(5).split(" ", 2);
                int pt = integer(number, text, f[0], "payload type", 127);
                fmtps.put(pt, f.length == 2 ? f[1] : "");
            } else if (value.startsWith("ptime:")) {
                ptime = integer(number, text, value.substring(6).trim(), "ptime", 1000);
            }
        }
    }
}
