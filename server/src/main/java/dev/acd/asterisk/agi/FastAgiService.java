package dev.acd.asterisk.agi;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiServerThread;
import org.asteriskjava.fastagi.DefaultAgiServer;

/**
 * asterisk-java's FastAGI server on our address and port, with its thread pool bounded: each waiting call holds one
 * thread, so the pool allows {@code maxWaitingCalls} plus {@link #SHORT_SCRIPT_THREADS} for the short scripts
 * (result, answered, callback). Past the pool asterisk-java drops the connection and Asterisk sets
 * AGISTATUS=FAILURE; the route script's own limit answers ACD_STATUS=FULL well before that.
 */
public final class FastAgiService implements AutoCloseable {
    /** Threads kept for the short scripts beyond the waiting calls. */
    public static final int SHORT_SCRIPT_THREADS = 32;
    /** Threads kept alive while idle. */
    private static final int CORE_THREADS = 4;

    private final DefaultAgiServer server;
    private final AgiServerThread thread;

    public FastAgiService(AgiScript script, String bind, int port, int maxWaitingCalls) {
        server = new DefaultAgiServer(script);
        try {
            server.setAddress(InetAddress.getByName(bind));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("asterisk.fastagi.bind: cannot resolve '" + bind + "'", e);
        }
        server.setPort(port);
        server.setPoolSize(CORE_THREADS);
        server.setMaximumPoolSize(maxWaitingCalls + SHORT_SCRIPT_THREADS);
        thread = new AgiServerThread(server);
        thread.setDaemon(true);
    }

    /** Starts listening; the socket opens on asterisk-java's own thread shortly after this returns. */
    public void start() {
        thread.startup();
    }

    /** Stops listening and stops the pool's threads. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
