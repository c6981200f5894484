package dev.acd.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import dev.acd.core.audio.G711;

/**
 * A test phone's audio on a plain UDP socket, independent of the server's media code: sends G.711 tones and RFC 4733
 * key presses as RTP to where the far end's SDP said, and decodes what it hears (PCMU or PCMA) for tone checks.
 */
public final class PhoneAudio implements AutoCloseable {
    private final String host;
    private final DatagramSocket socket;
    private final long ssrc;
    private volatile boolean closed;
    private volatile InetSocketAddress remote;
    private short[] heard = new short[0];
    private int sequence = 100;
    private long timestamp = 1000;

    /** Binds a free port on {@code host} and starts listening. */
    public PhoneAudio(String host) {
        this.host = host;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(host, 0));
            socket.setSoTimeout(200);
            socket.setReceiveBufferSize(1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind an RTP socket on " + host, e);
        }
        this.ssrc = (host.hashCode() ^ socket.getLocalPort()) & 0xFFFFFFFL;
        Thread receiver = new Thread(this::receive, "phone-rtp-" + host + ":" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Where the far end wants our RTP (from its SDP), or null before any SDP. */
    public InetSocketAddress remote() {
        return remote;
    }

    public void remote(InetSocketAddress where) {
        this.remote = where;
    }

    /** Our SDP: PCMU, PCMA and telephone-event on this socket, with the given direction (sendrecv, sendonly...). */
    public String sdp(String direction) {
        return "v=0\r\no=- 1 " + System.nanoTime() % 100000 + " IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host
                + "\r\nt=0 0\r\nm=audio " + localPort() + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=" + direction + "\r\n";
    }

    /** Sends the next {@code frames} 20 ms PCMU frames of a tone of {@code hz}, at once. */
    public void sendTone(double hz, int frames) throws IOException {
        for (int f = 0; f < frames; f++) {
            sendToneFrame(hz, f == 0);
        }
    }

    /** Sends one 20 ms PCMU frame of a tone; for paced playing. Does nothing before the far end's SDP. */
    public void sendToneFrame(double hz, boolean marker) throws IOException {
        if (remote == null) {
            return;
        }
        long ts;
        synchronized (this) {
            ts = timestamp;
            timestamp += 160;
        }
        byte[] payload = new byte[160];
        for (int i = 0; i < 160; i++) {
            payload[i] = G711.linearToUlaw((short) (8000 * Math.sin(2 * Math.PI * hz * (ts + i) / 8000)));
        }
        send(0, marker, ts, payload);
    }

    /** One key press as RFC 4733 sends it (payload type 101): three updates, then the end three times. */
    public void sendDigit(int event) throws IOException {
        long ts;
        synchronized (this) {
            ts = timestamp;
            timestamp += 800;
        }
        for (int i = 1; i <= 3; i++) {
            send(101, i == 1, ts, new byte[] {(byte) event, 10, 0, (byte) (160 * i)});
        }
        for (int i = 0; i < 3; i++) {
            send(101, false, ts, new byte[] {(byte) event, (byte) 0x8A, 0x03, (byte) 0x20});
        }
    }

    private synchronized void send(int pt, boolean marker, long ts, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) sequence++).putInt((int) ts)
                .putInt((int) ssrc).put(payload);
        socket.send(new DatagramPacket(b.array(), b.position(), remote));
    }

    /** Samples heard since the last {@link #forget()}. */
    public synchronized short[] heard() {
        return heard.clone();
    }

    public synchronized void forget() {
        heard = new short[0];
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            int pt = buffer[1] & 0x7F;
            if (pt != 0 && pt != 8 || p.getLength() <= 12) {
                continue;
            }
            short[] pcm = new short[p.getLength() - 12];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = pt == 0 ? G711.ulawToLinear(buffer[12 + i]) : G711.alawToLinear(buffer[12 + i]);
            }
            synchronized (this) {
                short[] grown = Arrays.copyOf(heard, heard.length + pcm.length);
                System.arraycopy(pcm, 0, grown, heard.length, pcm.length);
                heard = grown;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
