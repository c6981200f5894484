package dev.acd.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.acd.api.ApiServer;
import dev.acd.api.ApiServices;
import dev.acd.api.QaDesk;
import dev.acd.api.ApiSettings;
import dev.acd.asterisk.AsteriskRuntime;
import dev.acd.calls.RecordingsOnDisk;
import dev.acd.calls.SipCalls;
import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;
import dev.acd.config.HttpSettings;
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
        startHttp(server, started);
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

    /** The HTTP API, live feed and web pages, reading the journal and publishing reps' actions to the router. */
    private static void startHttp(AcdServer server, List<String> started) {
        HttpSettings http = server.config().http();
        if (!http.enabled()) {
            return;
        }
        ApiSettings settings = ApiSettings.defaults().withPort(http.bind(), http.port())
                .withSessionTtl(http.sessionHours() * 3_600_000L)
                .withRecordingsDir(SipCalls.recordingsDirectory(server));
        ApiServer api;
        try {
            api = server.host(ApiServer.start(settings, server.journal(), server.events(), server::config,
                    server.clock(), server.metrics(), new ApiServices(ConfigReload.of(server).forApi(),
                    server.service(QaService.class).map(QaDesk::of).orElse(QaDesk.NONE))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the HTTP API", e);
        }
        server.meterJournalReader("api", api::eventsRead);
        String host = "0.0.0.0".equals(http.bind()) ? "localhost" : http.bind();
        started.add(String.format("web        http://%s:%d/ (wallboard and rep desktop; API docs/api.md; /metrics)",
                host, api.port()));
    }

    /** QA scores every recording the journal announces, off the call path; its gauges go to the server's meters. */
    private static void startQa(AcdServer server, List<String> started) {
        // calls carrying audio: two RTP legs per bridged call (SIP may start after QA, so looked up each time)
        QaService qa = server.host(QaWiring.service(server.config().qa(), server.journal(), server.events(),
                server.clock(), () -> server.service(SipService.class).map(sip -> sip.rtp().openLegs() / 2).orElse(0)));
        qa.bindTo(server.metrics());
        server.meterJournalReader("qa", qa::eventsRead);
        qa.start();
        started.add(String.format("QA         %d workers scoring recordings (docs/qa.md)", server.config().qa().workers()));
    }

    /**
     * SIP: the registrar, the defence, the test line, and call control (the B2BUA) with recordings on disk next to
     * the journal.
     */
    private static void startSip(AcdServer server, List<String> started) {
        SipSettings settings = server.config().sip();
        if (!settings.enabled()) {
            return;
        }
        SipService sip = server.host(SipService.start(settings, server.config().credentials(), server.events(),
                server.clock()));
        sip.bindTo(server.metrics());
        Path recordingsDir = SipCalls.recordingsDirectory(server);
        RecordingsOnDisk recordings = server.host(new RecordingsOnDisk(recordingsDir, server.config().zone(),
                server.clock(), 2));
        SipCalls.start(server, sip, recordings);
        started.addAll(sip.describe());
        started.add("calls      trunk calls to the lines' numbers are queued and routed; recordings in " + recordingsDir);
    }
}
