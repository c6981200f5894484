package dev.acd.sip.media;

import dev.acd.core.audio.G711;
import dev.acd.sip.sdp.Codec;
import io.netty.buffer.ByteBuf;

/** G.711 payloads to and from linear PCM16, straight between ByteBufs and sample arrays (one byte per sample). */
public final class AudioCodecs {
    private AudioCodecs() {
    }

    /** Decodes {@code length} payload bytes at {@code index} into {@code out[0..length)}; returns the sample count. */
    public static int decode(Codec codec, ByteBuf from, int index, int length, short[] out) {
        int n = Math.min(length, out.length);
        if (codec == Codec.PCMU) {
            for (int i = 0; i < n; i++) {
                out[i] = G711.ulawToLinear(from.getByte(index + i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = G711.alawToLinear(from.getByte(index + i));
            }
        }
        return n;
    }

    /** Encodes {@code pcm[0..count)} and writes the codes at the writer index. */
    public static void encode(Codec codec, short[] pcm, int count, ByteBuf to) {
        if (codec == Codec.PCMU) {
            for (int i = 0; i < count; i++) {
                to.writeByte(G711.linearToUlaw(pcm[i]));
            }
        } else {
            for (int i = 0; i < count; i++) {
                to.writeByte(G711.linearToAlaw(pcm[i]));
            }
        }
    }
}
