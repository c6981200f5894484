package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.acd.core.call.Classifier;
import dev.acd.core.event.CallClassified;
import dev.acd.core.model.Customer;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.LineMenu;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.TierScope;

class DefaultConfigTest {
    private static AcdConfig config;

    @BeforeAll
    static void load() throws ConfigException {
        config = ConfigLoader.loadDefault();
    }

    @Test
    void shouldLoadTheEmbeddedDefaultWithTheFilesItCameFrom() {
        assertEquals("classpath:" + ConfigLoader.DEFAULT_RESOURCE, config.source());
        assertEquals("America/New_York", config.zone().getId());
    }

    @Test
    void shouldHaveALineForEachQueueAndAMainNumberWithAMenu() {
        RoutingModel model = config.model();
        assertEquals(4, model.lines().size());
        assertEquals(3, model.lines().stream().map(l -> l.queueId()).distinct().count());
        model.lines().forEach(line -> assertTrue(model.queue(line.queueId()).isPresent(), line.id()));
        LineMenu menu = model.line("main").orElseThrow().menu();
        assertEquals("sales", menu.queueFor('1'), "1: new business");
        assertEquals("renewals", menu.queueFor('2'));
        assertEquals("sales", menu.defaultQueue());
        assertEquals("classpath:dev/acd/config/default/main-menu.wav", menu.prompt(),
                "its own spoken prompt (names the choices), a resource beside the YAML");
        assertTrue(model.lines().stream().filter(l -> !l.id().equals("main")).allMatch(l -> l.menu() == null),
                "the other lines queue at once, as before");
    }

    @Test
    void shouldWidenEveryQueueFromRelationshipToAnyoneWithACallbackOffer() {
        for (Queue queue : config.model().queues()) {
            List<TierScope> scopes = queue.tiers().stream().map(t -> t.scope()).collect(Collectors.toList());
            assertEquals(List.of(TierScope.RELATIONSHIP, TierScope.HOME_TEAM, TierScope.SKILLED, TierScope.SKILLED), scopes,
                    queue.id());
            // Any inside rep may help before the service-level target runs out, everyone after that.
            assertTrue(queue.tiers().get(2).afterSeconds() < queue.serviceLevelSeconds(), queue.id());
            assertEquals(Set.of(RepKind.INSIDE), queue.tiers().get(2).kinds(), queue.id());
            assertTrue(queue.tiers().get(3).afterSeconds() > queue.tiers().get(2).afterSeconds(), queue.id());
            assertTrue(queue.tiers().get(3).offerCallback(), queue.id());
        }
        Queue renewals = config.model().queue("renewals").orElseThrow();
        assertEquals(MaxWaitAction.OVERFLOW, renewals.maxWaitAction());
        assertEquals("sales", renewals.overflowQueue());
    }

    @Test
    void shouldHaveTheRepsPromised() {
        Map<RepKind, Long> kinds = config.model().reps().stream().collect(Collectors.groupingBy(Rep::kind, Collectors.counting()));
        assertTrue(kinds.get(RepKind.INSIDE) >= 12 && kinds.get(RepKind.INSIDE) <= 16, "inside reps: " + kinds);
        assertEquals(3L, kinds.get(RepKind.FIELD));
        long insideTeams = config.model().reps().stream().filter(r -> r.kind() == RepKind.INSIDE).map(Rep::team).distinct().count();
        assertTrue(insideTeams >= 2 && insideTeams <= 3, "inside teams: " + insideTeams);
        assertEquals(2, config.partners().size());
        for (PartnerOrganisation partner : config.partners()) {
            long reps = config.model().reps().stream().filter(r -> partner.id().equals(r.partner())).count();
            assertTrue(reps >= 2 && reps <= 3, partner.id() + " has " + reps + " reps");
        }
    }

    @Test
    void shouldGiveFieldRepsWeekdayWindowsInTheirOwnZones() {
        List<Rep> field = config.model().reps().stream().filter(r -> r.kind() == RepKind.FIELD).collect(Collectors.toList());
        assertEquals(3, field.stream().map(r -> r.zone()).distinct().count());
        for (Rep rep : field) {
            assertEquals(ReachKind.OUTSIDE_NUMBER, rep.reach().kind());
            assertTrue(rep.liveWindows().stream().allMatch(w -> !w.days().contains(DayOfWeek.SATURDAY)
                    && !w.days().contains(DayOfWeek.SUNDAY)), rep.id());
        }
        Rep olivia = config.model().rep("olivia.grant").orElseThrow();
        // Monday 2026-11-23 08:30 in Chicago is inside her first window; 12:00 is not.
        long inside = ZonedDateTime.of(2026, 11, 23, 8, 30, 0, 0, olivia.zone()).toInstant().toEpochMilli();
        long outside = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, olivia.zone()).toInstant().toEpochMilli();
        assertTrue(olivia.takesLiveCallsAt(inside));
        assertFalse(olivia.takesLiveCallsAt(outside));
    }

    @Test
    void shouldHaveAFewHundredCustomersAcrossAllSegments() {
        int size = config.customers().size();
        assertTrue(size >= 300 && size <= 400, "customers: " + size);
        Map<String, Long> bySegment = config.customers().customers().stream()
                .collect(Collectors.groupingBy(Customer::segment, Collectors.counting()));
        assertEquals(config.model().segments().size(), bySegment.size(), bySegment.toString());
        long ownedLarge = config.customers().customers().stream()
                .filter(c -> c.segment().equals("mid-market") || c.segment().equals("strategic"))
                .filter(c -> c.accountOwner() != null).count();
        long large = bySegment.get("mid-market") + bySegment.get("strategic");
        assertTrue(ownedLarge * 2 > large, "owned mid-market and strategic: " + ownedLarge + " of " + large);
        assertTrue(config.customers().customers().stream().anyMatch(c -> c.partner() != null && c.accountOwner() != null));
    }

    @Test
    void shouldClassifyAKnownCallerByItsCustomerRecord() {
        Customer german = config.customers().customers().stream()
                .filter(c -> "de".equals(c.language()) && c.segment().equals("strategic")).findFirst().orElseThrow();
        Classifier classifier = new Classifier(config.model(), config.customers());
        CallClassified call = classifier.classify(0, 1, config.model().line("sales").orElseThrow(), german.numbers().get(0));
        assertEquals(german.id(), call.customerId());
        assertEquals("strategic", call.segment());
        assertTrue(call.skills().stream().anyMatch(s -> s.skill().equals("lang-de")));
    }

    @Test
    void shouldStoreSoftphoneCredentialsAsHashesOfTheDocumentedDemoPasswords() {
        SoftphoneCredentials credentials = config.credentials();
        assertEquals("larkspur.example", credentials.realm());
        for (Rep rep : config.model().reps()) {
            if (rep.reach().kind() != ReachKind.SOFTPHONE) {
                continue;
            }
            String user = rep.reach().address();
            SoftphoneCredential credential = credentials.forUser(user).orElseThrow(() -> new AssertionError(user));
            assertEquals(rep.id(), credential.repId());
            String password = "demo-" + user;
            assertEquals(DigestHashes.ha1(DigestAlgorithm.MD5, user, credentials.realm(), password), credential.md5Ha1());
            assertEquals(DigestHashes.ha1(DigestAlgorithm.SHA_256, user, credentials.realm(), password), credential.sha256Ha1());
        }
    }

    @Test
    void shouldCarrySimulationSettingsForABusyDay() {
        SimulationSettings sim = config.simulation();
        assertEquals(Set.of("sales", "renewals", "partner-line", "main"), sim.arrivalsPerHour().keySet());
        assertEquals(1.0, sim.dispositionMix().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(config.outcomes(), List.of("won", "quote-sent", "follow-up", "no-interest", "wrong-number"));
        assertEquals(LocalTime.of(8, 0), sim.shiftStart());
        // Offered load at the peak hour on the inside team's queues, in Erlangs, against inside reps not on a break.
        double handleSeconds = sim.talkTime().mean() + sim.holdProbability() * sim.meanHoldSeconds() + sim.wrapTime().mean()
                + sim.answerDelay().mean();
        // the main number's calls reach sales or renewals through its menu
        double peakCalls = sim.arrivalRate("sales", 10) + sim.arrivalRate("renewals", 10) + sim.arrivalRate("main", 10);
        double erlangs = peakCalls * handleSeconds / 3600;
        long inside = config.model().reps().stream().filter(r -> r.kind() == RepKind.INSIDE).count();
        double shiftSeconds = Duration.between(sim.shiftStart(), sim.shiftEnd()).toSeconds();
        double available = inside * (1 - sim.breaksPerRepPerDay() * sim.breakMeanSeconds() / shiftSeconds);
        double occupancy = erlangs / available;
        assertTrue(occupancy > 0.78 && occupancy < 0.92, "peak inside occupancy " + occupancy);
    }

    @Test
    void shouldShipTheCustomersFileTheGeneratorMakes() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/acd/config/default/customers.csv")) {
            assertEquals(DefaultCustomersGenerator.generate(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
