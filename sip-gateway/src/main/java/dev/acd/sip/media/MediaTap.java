package dev.acd.sip.media;

/**
 * Where the bridge hands the call's audio for recording: every 20 ms frame of each direction as
 * {@link MediaSettings#FRAME_SAMPLES} linear PCM16 samples at 8 kHz, with the time it was complete, and hold marks.
 * The server adapts the recorder's {@code CallRecording} to it (sip-gateway and recorder do not know each other).
 *
 * <p>Called on the call's event loop: implementations must not block and must copy {@code samples}, which the
 * bridge reuses after the call returns.
 */
public interface MediaTap {
    /** A frame the caller (customer) sent; {@code timeMs} counts from the bridge's start. */
    void callerFrame(long timeMs, short[] samples);

    /** A frame the rep sent; {@code timeMs} counts from the bridge's start. */
    void repFrame(long timeMs, short[] samples);

    /** The call went on hold ({@code onHold} true) or came back. */
    void hold(boolean onHold, long timeMs);
}
