package dev.acd.sip.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Our side of SDP offer/answer (RFC 3264) for one leg: answers an offer, makes an offer, accepts an answer. Audio
 * only, G.711 (PCMU, PCMA) in our order of preference, plus RFC 4733 telephone-event; ptime 20.
 *
 * <p>One instance per leg, because the {@code o=} line's session id stays and its version grows with every SDP we
 * write in that dialog (RFC 3264 section 8). Not thread-safe: used on the leg's event loop.
 */
public final class SdpNegotiator {
    /** Packetisation time we send and ask for, in milliseconds. */
    public static final int PTIME_MS = 20;
    /** The dynamic payload type we offer for telephone-event. */
    public static final int OFFER_TELEPHONE_EVENT_PT = 101;
    private static final String TELEPHONE_EVENT = "telephone-event";
    private static final String RTP_AVP = "RTP/AVP";
    private static final String HOLD_ADDRESS = "0.0.0.0";

    private final String localAddress;
    private final List<Codec> preference;
    private final String sessionId;
    private long version;

    /**
     * @param localAddress the address we receive RTP on, written in {@code c=} and {@code o=}
     * @param preference the codecs we accept, most wanted first; not empty
     * @param sessionId the {@code o=} session id, unique per leg (e.g. from a counter or the clock)
     */
    public SdpNegotiator(InetAddress localAddress, List<Codec> preference, long sessionId) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("codec preference is empty: accept at least one of PCMU, PCMA");
        }
        this.localAddress = localAddress.getHostAddress();
        this.preference = List.copyOf(preference);
        this.sessionId = Long.toUnsignedString(sessionId);
        this.version = 0;
    }

    /**
     * Answers an offer: the first audio stream with a common codec is accepted on {@code localPort}, every other
     * stream is rejected with port 0 (RFC 3264 section 6). The answer's direction is what we want intersected with
     * the offer's, reversed: an offer with sendonly gets recvonly, inactive gets inactive.
     *
     * @param wanted what we would like to do, normally SENDRECV
     * @throws SdpException 488 when no audio stream has a codec we accept (the message lists both sides' codecs)
     */
    public Negotiation answer(SessionDescription offer, int localPort, MediaDirection wanted) throws SdpException {
        List<MediaDescription> answered = new ArrayList<>();
        Negotiation accepted = null;
        StringJoiner offered = new StringJoiner(", ");
        for (MediaDescription m : offer.media()) {
            Choice choice = null;
            if (accepted == null && m.media().equals("audio") && m.port() != 0
                    && isRtpAvp(m.protocol())) {
                choice = choose(m, offered);
            }
            if (choice == null) {
                answered.add(rejected(m));
                continue;
            }
            String address = offer.connectionAddressOf(m);
            boolean oldStyleHold = HOLD_ADDRESS.equals(address);
            // c=0.0.0.0 says "do not send to me" whatever the attribute says (RFC 3264 section 8.4)
            MediaDirection theirs = oldStyleHold ? m.direction().intersect(MediaDirection.SENDONLY) : m.direction();
            MediaDirection ours = wanted.intersect(theirs.reversed());
            answered.add(audio(localPort, m.protocol(), choice, ours));
            accepted = new Negotiation(null, choice.codec, choice.codecPt, choice.eventPt,
                    oldStyleHold ? null : socket(address, m.port()), ours, !theirs.receives());
        }
        if (accepted == null) {
            throw SdpException.notAcceptable("no common codec: offered " + (offered.length() == 0
                    ? "no RTP/AVP audio stream" : offered.toString()) + "; we accept " + preference);
        }
        SessionDescription answer = session(answered);
        return new Negotiation(answer, accepted.codec(), accepted.codecPayloadType(),
                accepted.telephoneEventPayloadType(), accepted.remote(), accepted.localDirection(),
                accepted.heldByPeer());
    }

    /** Makes an offer of one audio stream on {@code localPort} with all our codecs and telephone-event. */
    public SessionDescription offer(int localPort, MediaDirection direction) {
        List<Integer> formats = new ArrayList<>();
        Map<Integer, RtpMap> maps = new HashMap<>();
        for (Codec codec : preference) {
            formats.add(codec.staticPayloadType());
            maps.put(codec.staticPayloadType(), new RtpMap(codec.staticPayloadType(), codec.name(),
                    Codec.CLOCK_RATE_HZ));
        }
        formats.add(OFFER_TELEPHONE_EVENT_PT);
        maps.put(OFFER_TELEPHONE_EVENT_PT, new RtpMap(OFFER_TELEPHONE_EVENT_PT, TELEPHONE_EVENT, Codec.CLOCK_RATE_HZ));
        MediaDescription m = new MediaDescription("audio", localPort, RTP_AVP, formats, maps,
                Map.of(OFFER_TELEPHONE_EVENT_PT, "0-15"), null, direction, PTIME_MS);
        return session(List.of(m));
    }

    /**
     * Takes the peer's answer to {@code ourOffer}: the codec is the first of the answer's formats that we offered.
     *
     * @throws SdpException 488 when the answer rejected our audio or chose nothing we offered
     */
    public Negotiation acceptAnswer(SessionDescription ourOffer, SessionDescription answer) throws SdpException {
        MediaDescription m = answer.media().stream().filter(x -> x.media().equals("audio")).findFirst()
                .orElseThrow(() -> SdpException.notAcceptable("the answer has no audio stream"));
        if (m.port() == 0) {
            throw SdpException.notAcceptable("the answer rejected our audio stream (port 0)");
        }
        Choice choice = null;
        int eventPt = -1;
        for (int pt : m.formats()) {
            String name = m.encodingName(pt);
            Codec codec = name == null ? null : Codec.byName(name);
            if (choice == null && codec != null && preference.contains(codec)
                    && m.clockRateHz(pt) == Codec.CLOCK_RATE_HZ) {
                choice = new Choice(codec, pt, -1);
            } else if (TELEPHONE_EVENT.equalsIgnoreCase(name)) {
                eventPt = pt;
            }
        }
        if (choice == null) {
            throw SdpException.notAcceptable("the answer chose none of the codecs we offered " + preference
                    + ": " + m.formats());
        }
        String address = answer.connectionAddressOf(m);
        boolean oldStyleHold = HOLD_ADDRESS.equals(address);
        MediaDirection theirs = oldStyleHold ? m.direction().intersect(MediaDirection.SENDONLY) : m.direction();
        MediaDirection offered = ourOffer.media().isEmpty() ? MediaDirection.SENDRECV
                : ourOffer.media().get(0).direction();
        MediaDirection ours = offered.intersect(theirs.reversed());
        return new Negotiation(ourOffer, choice.codec, choice.codecPt, eventPt,
                oldStyleHold ? null : socket(address, m.port()), ours, !theirs.receives());
    }

    private Choice choose(MediaDescription m, StringJoiner offered) {
        int eventPt = -1;
        Map<Codec, Integer> common = new HashMap<>();
        for (int pt : m.formats()) {
            String name = m.encodingName(pt);
            offered.add(name == null ? "payload type " + pt : name + "/" + m.clockRateHz(pt));
            if (name == null || m.clockRateHz(pt) != Codec.CLOCK_RATE_HZ) {
                continue;
            }
            if (TELEPHONE_EVENT.equalsIgnoreCase(name)) {
                eventPt = eventPt < 0 ? pt : eventPt;
            }
            Codec codec = Codec.byName(name);
            if (codec != null) {
                common.putIfAbsent(codec, pt);
            }
        }
        for (Codec codec : preference) {
            Integer pt = common.get(codec);
            if (pt != null) {
                return new Choice(codec, pt, eventPt);
            }
        }
        return null;
    }

    private MediaDescription audio(int port, String protocol, Choice choice, MediaDirection direction) {
        List<Integer> formats = new ArrayList<>();
        Map<Integer, RtpMap> maps = new HashMap<>();
        Map<Integer, String> fmtps = new HashMap<>();
        formats.add(choice.codecPt);
        maps.put(choice.codecPt, new RtpMap(choice.codecPt, choice.codec.name(), Codec.CLOCK_RATE_HZ));
        if (choice.eventPt >= 0) {
            formats.add(choice.eventPt);
            maps.put(choice.eventPt, new RtpMap(choice.eventPt, TELEPHONE_EVENT, Codec.CLOCK_RATE_HZ));
            fmtps.put(choice.eventPt, "0-15");
        }
        return new MediaDescription("audio", port, protocol, formats, maps, fmtps, null, direction, PTIME_MS);
    }

    private static MediaDescription rejected(MediaDescription m) {
        return new MediaDescription(m.media(), 0, m.protocol(), m.formats().isEmpty() ? List.of(0) : m.formats(),
                Map.of(), Map.of(), null, m.direction(), 0);
    }

    private SessionDescription session(List<MediaDescription> media) {
        return new SessionDescription("-", sessionId, version++, localAddress, "acd", localAddress, media);
    }

    private static boolean isRtpAvp(String protocol) {
        // plain RTP/AVP or its feedback profile; SRTP profiles (RTP/SAVP...) need keys we do not do
        return protocol.equals(RTP_AVP) || protocol.equals("RTP/AVPF");
    }

    private static InetSocketAddress socket(String address, int port) throws SdpException {
        if (!isIpLiteral(address)) {
            // a host name would need a DNS lookup on the event loop
            throw SdpException.notAcceptable("media address '" + address + "' is not an IP address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw SdpException.notAcceptable("media address '" + address + "' is not an IP address");
        }
    }

    private static boolean isIpLiteral(String address) {
        if (address.indexOf(':') >= 0) {
            return true;
        }
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private record Choice(Codec codec, int codecPt, int eventPt) {
    }
}
