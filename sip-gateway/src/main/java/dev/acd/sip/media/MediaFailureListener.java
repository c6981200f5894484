package dev.acd.sip.media;

/** Told when an active leg has received no RTP for the configured time: one-way (or no) audio. */
@FunctionalInterface
public interface MediaFailureListener {
    /** Called once per silence, on the endpoint's event loop; again only after media came back and stopped again. */
    void onNoMedia(RtpEndpoint endpoint, long silentMs);
}
