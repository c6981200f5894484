package dev.acd.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import dev.acd.commands.CommandRouting;
import dev.acd.config.AcdConfig;
import dev.acd.config.SipSettings;
import dev.acd.core.call.Classifier;
import dev.acd.runtime.AcdServer;
import dev.acd.sip.call.CallControl;
import dev.acd.sip.call.CallControlSettings;
import dev.acd.sip.call.CallMedia;
import dev.acd.sip.call.CallOwnership;
import dev.acd.sip.call.DialRules;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.sdp.Codec;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sipserver.SipService;

/**
 * Builds SIP call control (sip-gateway's B2BUA) on the running server: the router's commands for its calls, the
 * registrar's bindings, the configuration in force (reloads reach new calls), recordings on disk, music and prompts
 * from the configured files, positions and expected waits for the announcements ({@link QueueStandingsFeed}); its
 * counters go to the server's meters ({@link CallMeters}).
 */
public final class SipCalls {
    /** The origin SIP calls are claimed under in the server's command routing. */
    public static final String ORIGIN = "sip";

    private SipCalls() {
    }

    /** Call control for {@code sip}'s INVITEs; recordings go to {@code recordings}. */
    public static CallControl start(AcdServer server, SipService sip, RecordingsOnDisk recordings) {
        SipSettings settings = sip.settings();
        CommandRouting commands = server.commands();
        CallOwnership ownership = new CallOwnership() {
            @Override
            public void claim(long callId) {
                commands.claim(callId, ORIGIN);
            }

            @Override
            public void release(long callId) {
                commands.release(callId);
            }
        };
        CallMedia media;
        try {
            media = new CallMedia(sip.rtp(), sip.advertised(), List.of(Codec.PCMU, Codec.PCMA),
                    SoundFiles.withHoldMusic(settings.media().musicOnHold()));
        } catch (IOException e) {
            throw new UncheckedIOException("sip.media.musicOnHold: " + e.getMessage(), e);
        }
        try {
            media = new CallMedia(media.endpoints(), media.address(), media.codecs(),
                    SoundFiles.withMenuPrompts(media.sounds(), server.config().model()));
        } catch (IOException e) {
            throw new UncheckedIOException("lines[].menu.prompt: " + e.getMessage(), e);
        }
        try {
            media = new CallMedia(media.endpoints(), media.address(), media.codecs(),
                    media.sounds().withPrompts(SoundFiles.prompts(settings.media().promptsDirectory()))
                            .withStandings(server.host(QueueStandingsFeed.start(server.journal(), server.clock()))));
        } catch (IOException e) {
            throw new UncheckedIOException("sip.media.promptsDirectory: " + e.getMessage(), e);
        }
        CallControl calls = new CallControl(sip.stack(), sip.registrar()::bindingsOf, sip.authenticator(),
                sip.defence(), sip.trunk(), server.events(), new CurrentClassifier(server::config), () -> server.config().model(),
                server.callIds()::next, ownership, media, recordings, server.clock(), settings(settings));
        calls.repPresence(server::repLoggedIn);
        commands.addOrigin(ORIGIN, calls);
        sip.invites().callControl(calls);
        CallMeters.bind(calls, server.metrics());
        return calls;
    }

    static CallControlSettings settings(SipSettings sip) {
        SipSettings.Trunk trunk = sip.trunk();
        NextHop hop = trunk.address() == null ? null : new NextHop(
                "tcp".equalsIgnoreCase(trunk.transport()) ? SipTransport.TCP : SipTransport.UDP, hostPort(trunk.address()));
        String callerId = trunk.callerId() == null ? "anonymous" : trunk.callerId();
        SipSettings.Calls calls = sip.calls();
        return new CallControlSettings(hop, callerId,
                trunk.dialRules().isEmpty() ? DialRules.allowAll() : DialRules.of(trunk.dialRules()),
                sip.media().announceIntervalMs(), CallControlSettings.DEFAULT_CALLBACK_KEY_TIMEOUT_MS)
                .withLiveness(calls.keepaliveMs(), calls.rtpTimeoutMs(), calls.dialTimeoutMs(),
                        CallControlSettings.DEFAULT_PORT_RETRY_MS);
    }

    private static InetSocketAddress hostPort(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? new InetSocketAddress(address, NextHop.DEFAULT_SIP_PORT)
                : new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    /** The classifier of the configuration in force, rebuilt only when a reload changed it. */
    static final class CurrentClassifier implements Supplier<Classifier> {
        private final Supplier<AcdConfig> config;
        private AcdConfig seen;
        private Classifier classifier;

        CurrentClassifier(Supplier<AcdConfig> config) {
            this.config = config;
        }

        @Override
        public synchronized Classifier get() {
            AcdConfig now = config.get();
            if (now != seen) {
                classifier = new Classifier(now.model(), now.customers());
                seen = now;
            }
            return classifier;
        }
    }

    /** Where recordings go: next to the journal unless configured, a folder per day. */
    public static Path recordingsDirectory(AcdServer server) {
        return server.journal().settings().dir().toAbsolutePath().getParent().resolve("recordings");
    }
}
