package dev.acd.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.acd.asterisk.AsteriskRuntime;
import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;

/**
 * Starts the services the configuration turns on, each hosted by the server so it stops with it, and says where
 * each listens. The one place that knows which modules make up a running server.
 */
public final class Services {
    private Services() {
    }

    /** Starts every configured service on {@code server}; returns one line per service for the operator. */
    public static List<String> startAll(AcdServer server) {
        List<String> started = new ArrayList<>();
        AcdConfig config = server.config();
        AsteriskSettings asterisk = config.asterisk();
        if (asterisk.fastAgiEnabled() || asterisk.amiEnabled() || asterisk.recordingsDirectory() != null) {
            AsteriskRuntime runtime = server.host(new AsteriskRuntime(config, server.events(), server.commands(),
                    server.callIds(), server.clock(), AsteriskRuntime.Tuning.DEFAULT));
            runtime.start();
            if (asterisk.fastAgiEnabled()) {
                started.add(String.format("FastAGI    agi://%s:%d/route?line=LINE (Asterisk dialplan: docs/asterisk.md)",
                        asterisk.fastAgiBind(), asterisk.fastAgiPort()));
            }
            if (asterisk.amiEnabled()) {
                started.add(String.format("AMI        %s@%s:%d%s", asterisk.amiUser(), asterisk.amiHost(),
                        asterisk.amiPort(), asterisk.bringYourOwnQueue() ? " (bring your own queue)" : ""));
            }
        }
        return started;
    }
}
