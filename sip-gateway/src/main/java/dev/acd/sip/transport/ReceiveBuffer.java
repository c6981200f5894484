package dev.acd.sip.transport;

import dev.acd.sip.message.SipLimits;
import io.netty.buffer.ByteBuf;

/**
 * The array each incoming message is copied into for the parser, one per event-loop thread: the parser keeps
 * nothing of it (a body is copied out), so a fresh array per message would only be garbage. A message larger than
 * the largest UDP payload, possible only with raised limits, gets an array of its own.
 */
final class ReceiveBuffer {
    private static final ThreadLocal<byte[]> BUFFER =
            ThreadLocal.withInitial(() -> new byte[SipLimits.MAX_MESSAGE_BYTES]);

    private ReceiveBuffer() {
    }

    /**
     * The {@code length} bytes at {@code index} of {@code from} at the start of this thread's array (its length is
     * not the message's); valid until this thread's next call.
     */
    static byte[] copyOf(ByteBuf from, int index, int length) {
        byte[] buffer = BUFFER.get();
        if (length > buffer.length) {
            buffer = new byte[length];
        }
        from.getBytes(index, buffer, 0, length);
        return buffer;
    }
}
