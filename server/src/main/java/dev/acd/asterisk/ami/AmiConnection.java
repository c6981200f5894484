package dev.acd.asterisk.ami;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one asterisk-java manager connection logged in. A supervisor thread logs in, and whenever the connection is
 * down and asterisk-java has given up on it (a failed first login, a refused login after Asterisk restarted) it
 * tries again after a back-off that doubles from {@code initialBackoffMs} up to {@code maxBackoffMs} and starts over
 * after each success. A connection lost after login is first retried by asterisk-java itself (its own reconnect:
 * every 50 ms for a few tries, then every 5 s); events go to the listener on asterisk-java's reader thread.
 */
public final class AmiConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);

    private final ManagerConnection connection;
    private final String where;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread supervisor;
    private volatile long logins;

    public AmiConnection(String host, int port, String user, String secret, ManagerEventListener listener,
                         long initialBackoffMs, long maxBackoffMs) {
        this.connection = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
        this.connection.addEventListener(listener);
        this.where = user + "@" + host + ":" + port;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.supervisor = new Thread(this::supervise, "ami-supervisor");
        this.supervisor.setDaemon(true);
    }

    public void start() {
        supervisor.start();
    }

    /** Whether the connection is logged in right now. */
    public boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /**
     * Asks Asterisk to hang up a channel (the Hangup action), without waiting for the answer; false when not logged
     * in or the request could not be written. The outcome is logged.
     */
    public boolean hangUp(String channel) {
        if (!isConnected()) {
            return false;
        }
        try {
            connection.sendAction(new HangupAction(channel), response -> {
                if (response instanceof ManagerError) {
                    LOG.warn("AMI: Hangup of {} refused: {}", channel, response.getMessage());
                }
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("AMI: cannot send Hangup of {}: {}", channel, e.toString());
            return false;
        }
    }

    /** Successful logins since start (1 after the first, 2 after a reconnect, ...). */
    public long logins() {
        return logins;
    }

    private void supervise() {
        long backoff = initialBackoffMs;
        try {
            while (closed.getCount() > 0) {
                ManagerConnectionState state = connection.getState();
                if (state == ManagerConnectionState.INITIAL || state == ManagerConnectionState.DISCONNECTED) {
                    try {
                        connection.login();
                        logins++;
                        LOG.info("AMI: logged in to {}", where);
                        backoff = initialBackoffMs;
                    } catch (Exception e) {
                        LOG.warn("AMI: cannot log in to {} ({}); next try in {} ms", where, e.toString(), backoff);
                        if (closed.await(backoff, TimeUnit.MILLISECONDS)) {
                            return;
                        }
                        backoff = Math.min(maxBackoffMs, backoff * 2);
                        continue;
                    }
                }
                closed.await(initialBackoffMs, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logs off and stops trying. */
    @Override
    public void close() {
        closed.countDown();
        try {
            supervisor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                connection.logoff();
            }
        } catch (RuntimeException e) {
            LOG.debug("AMI: log-off from {} failed: {}", where, e.toString());
        }
    }
}
