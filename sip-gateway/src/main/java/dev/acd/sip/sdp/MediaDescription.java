package dev.acd.sip.sdp;

import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section.
 *
 * @param media the media type ("audio", "video", ...)
 * @param port the transport port; 0 means the stream is rejected or disabled
 * @param protocol the transport protocol, e.g. "RTP/AVP"
 * @param formats the payload types in the order of preference of the writer
 * @param rtpMaps rtpmap attributes by payload type
 * @param fmtps fmtp attribute values by payload type
 * @param connectionAddress the media-level {@code c=} address, or null to use the session's
 * @param direction the media direction (the session-level one when the section has none; sendrecv by default)
 * @param ptimeMs the {@code a=ptime} value, or 0 when absent
 */
public record MediaDescription(String media, int port, String protocol, List<Integer> formats,
        Map<Integer, RtpMap> rtpMaps, Map<Integer, String> fmtps, String connectionAddress,
        MediaDirection direction, int ptimeMs) {

    public MediaDescription {
        formats = List.copyOf(formats);
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
    }

    /** The encoding name a payload type stands for: its rtpmap, else the static assignment, else null. */
    public String encodingName(int payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        if (map != null) {
            return map.encodingName();
        }
        Codec codec = Codec.byStaticPayloadType(payloadType);
        return codec == null ? null : codec.name();
    }

    /** The clock rate of a payload type: its rtpmap's, else 8000 for the static G.711 types, else 0. */
    public int clockRateHz(int payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        if (map != null) {
            return map.clockRateHz();
        }
        return Codec.byStaticPayloadType(payloadType) == null ? 0 : Codec.CLOCK_RATE_HZ;
    }
}
