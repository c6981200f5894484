package dev.acd.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.acd.asterisk.AsteriskRuntime;
import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;
import dev.acd.config.SipSettings;
import dev.acd.qa.QaWiring;
import dev.acd.recorder.qa.QaService;
import dev.acd.sipserver.SipService;

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
        startQa(server, started);
        startSip(server, started);
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

    /** QA scores every recording the journal announces, off the call path; its gauges go to the server's meters. */
    private static void startQa(AcdServer server, List<String> started) {
        QaService qa = server.host(QaWiring.service(server.config().qa(), server.journal(), server.events(),
                server.clock()));
        qa.bindTo(server.metrics());
        qa.start();
        started.add(String.format("QA         %d workers scoring recordings (docs/qa.md)", server.config().qa().workers()));
    }

    /**
     * SIP: the registrar, the defence, the test line. Call control (the B2BUA in sip-gateway's
     * {@code dev.acd.sip.call}) is constructed here once it lands, on {@code sip.stack()}, {@code sip.registrar()},
     * {@code server.commands()} and {@code server.callIds()}, hosted by the server, and plugged in with
     * {@code sip.invites().callControl(...)}; until then INVITEs for anyone but the test line get 480.
     */
    private static void startSip(AcdServer server, List<String> started) {
        SipSettings settings = server.config().sip();
        if (!settings.enabled()) {
            return;
        }
        SipService sip = server.host(SipService.start(settings, server.config().credentials(), server.events(),
                server.clock()));
        sip.bindTo(server.metrics());
        started.addAll(sip.describe());
    }
}
