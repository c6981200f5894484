package dev.acd.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.RoutingModel;

/**
 * A complete, validated configuration. Only {@link ConfigLoader} makes these, and only from input with no problems.
 *
 * @param source         where it was read from (a file path, or "classpath:..." for the embedded default)
 * @param zone           the center's time zone: default zone of reps, and of the simulation's day
 * @param tickIntervalMs how often the router gets a {@code Tick} event, in milliseconds
 * @param routerWaitStrategy how the router's threads wait for events (read at start)
 * @param model          what the router needs: skills, segments, queues, lines, reps, routing settings
 * @param customers      the customer directory (inline customers plus the CSV file's)
 * @param partners       partner organisations
 * @param credentials    softphone digest credentials and realm
 * @param outcomes       the disposition outcome codes reps may record at wrap-up
 * @param journal        journal location and retention
 * @param simulation     settings for the simulator
 * @param asterisk       the Asterisk adapter's settings ({@link AsteriskSettings#OFF} when the section is absent)
 * @param qa             QA scorecards, review rules and workers
 * @param users          who may log in to the HTTP API, with their roles
 * @param sip            the SIP server: listeners, timers, registrar, digest, defence, trunk, media
 * @param http           where the HTTP API and web pages listen
 */
public record AcdConfig(String source, ZoneId zone, int tickIntervalMs, RouterWaitStrategy routerWaitStrategy,
                        RoutingModel model, CustomerDirectory customers, List<PartnerOrganisation> partners,
                        SoftphoneCredentials credentials, List<String> outcomes, JournalSettings journal,
                        SimulationSettings simulation, AsteriskSettings asterisk, QaSettings qa,
                        List<WebUser> users, SipSettings sip, HttpSettings http) {
    public AcdConfig {
        partners = List.copyOf(partners);
        outcomes = List.copyOf(outcomes);
        users = List.copyOf(users);
    }

    public Optional<PartnerOrganisation> partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The web user with this login name. */
    public Optional<WebUser> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Whether a disposition outcome code is one of the configured ones. */
    public boolean isOutcome(String code) {
        return outcomes.contains(code);
    }

    /** The same configuration with other web users (tests, and tools that add a user). */
    public AcdConfig withUsers(List<WebUser> otherUsers) {
        return new AcdConfig(source, zone, tickIntervalMs, routerWaitStrategy, model, customers, partners, credentials,
                outcomes, journal, simulation, asterisk, qa, otherUsers, sip, http);
    }

    /** The same configuration with other SIP settings (the demo's and tests' ports). */
    public AcdConfig withSip(SipSettings otherSip) {
        return new AcdConfig(source, zone, tickIntervalMs, routerWaitStrategy, model, customers, partners, credentials,
                outcomes, journal, simulation, asterisk, qa, users, otherSip, http);
    }

    /** The same configuration with other Asterisk settings. */
    public AcdConfig withAsterisk(AsteriskSettings otherAsterisk) {
        return new AcdConfig(source, zone, tickIntervalMs, routerWaitStrategy, model, customers, partners, credentials,
                outcomes, journal, simulation, otherAsterisk, qa, users, sip, http);
    }

    /** The same configuration with other HTTP settings. */
    public AcdConfig withHttp(HttpSettings otherHttp) {
        return new AcdConfig(source, zone, tickIntervalMs, routerWaitStrategy, model, customers, partners, credentials,
                outcomes, journal, simulation, asterisk, qa, users, sip, otherHttp);
    }
}
