package dev.acd.sip.media;

import dev.acd.core.audio.G711;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A bare RTP peer on a plain socket: sends packets it builds by hand and receives with a timeout (no sleeps). */
final class TestPhone implements AutoCloseable {
    final DatagramSocket socket;
    private final long ssrc;
    private int sequence = 1000;
    private long timestamp = 5000;

    TestPhone(long ssrc) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(5000);
        this.socket.setReceiveBufferSize(1 << 20);
        this.ssrc = ssrc;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(InetSocketAddress to, int payloadType, boolean marker, int seq, long ts, byte[] payload)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) seq).putInt((int) ts)
                .putInt((int) ssrc).put(payload);
        socket.send(new DatagramPacket(b.array(), b.position(), to));
    }

    /** Sends 20 ms of audio, advancing sequence and timestamp. */
    void sendAudio(InetSocketAddress to, int payloadType, byte[] frame) throws IOException {
        send(to, payloadType, false, sequence++, timestamp, frame);
        timestamp += frame.length;
    }

    /** Sends one key press as RFC 4733 sends it: start, updates, then the end packet three times. */
    void sendDigit(InetSocketAddress to, int payloadType, char digit) throws IOException {
        int event = TelephoneEvent.event(digit);
        long ts = timestamp;
        for (int i = 1; i <= 3; i++) {
            send(to, payloadType, i == 1, sequence++, ts, new byte[] {(byte) event, 10, 0, (byte) (160 * i)});
        }
        for (int i = 0; i < 3; i++) {
            send(to, payloadType, false, sequence++, ts, new byte[] {(byte) event, (byte) 0x8A, 0x03, (byte) 0x20});
        }
        timestamp += 800;
    }

    /** The next datagram, or null after the socket's timeout. */
    DatagramPacket receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(p);
            return p;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    static int payloadType(DatagramPacket p) {
        return p.getData()[1] & 0x7F;
    }

    static int sequence(DatagramPacket p) {
        return ((p.getData()[2] & 0xFF) << 8) | (p.getData()[3] & 0xFF);
    }

    static long timestamp(DatagramPacket p) {
        return ByteBuffer.wrap(p.getData(), 4, 4).getInt() & 0xFFFFFFFFL;
    }

    static byte[] payload(DatagramPacket p) {
        byte[] out = new byte[p.getLength() - 12];
        System.arraycopy(p.getData(), 12, out, 0, out.length);
        return out;
    }

    /** 20 ms frames of a sine tone, G.711-encoded. */
    static byte[][] toneFrames(double frequencyHz, int frames, boolean ulaw) {
        byte[][] out = new byte[frames][160];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < 160; i++) {
                int n = f * 160 + i;
                short s = (short) (8000 * Math.sin(2 * Math.PI * frequencyHz * n / 8000));
                out[f][i] = ulaw ? G711.linearToUlaw(s) : G711.linearToAlaw(s);
            }
        }
        return out;
    }

    static short[] decode(byte[] payload, boolean ulaw) {
        short[] out = new short[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = ulaw ? G711.ulawToLinear(payload[i]) : G711.alawToLinear(payload[i]);
        }
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
