package dev.acd.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports for peers that must be told a port up front (SIPp cannot report the one it bound). Our own servers
 * bind port 0 instead; this is only for external processes.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port that is free for both UDP and TCP on 127.0.0.1 right now. */
    public static int udpAndTcp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback(), 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.setReuseAddress(false);
                    tcp.bind(new InetSocketAddress(loopback(), port));
                    return port;
                } catch (IOException takenForTcp) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a UDP socket on 127.0.0.1", e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on 127.0.0.1 after 50 attempts");
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
