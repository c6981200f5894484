package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.RepKind;

class ConfigValidationTest {
    /** A small configuration that loads; each test breaks one thing in it. */
    static final String VALID = String.join("\n",
            "routing:",
            "  defaultSegment: smb",
            "skills:",
            "  - id: crm",
            "  - id: lang-de",
            "segments:",
            "  - { id: smb, homeTeams: [inside] }",
            "  - { id: channel, homeTeams: [partners] }",
            "partners:",
            "  - { id: acme, name: Acme Resellers }",
            "queues:",
            "  - id: sales",
            "    skills: { crm: 2 }",
            "    tiers:",
            "      - { name: owner, scope: RELATIONSHIP }",
            "      - { name: anyone, afterSeconds: 30, scope: SKILLED, kinds: [INSIDE] }",
            "lines:",
            "  - { id: main, number: \"+1 555 0100\", queue: sales }",
            "reps:",
            "  - { id: anna, team: inside, skills: { crm: 5, lang-de: 7 } }",
            "  - id: fred",
            "    kind: FIELD",
            "    team: field",
            "    reach: { outsideNumber: \"+1 312 555 0147\" }",
            "    zone: America/Chicago",
            "    liveWindows:",
            "      - { days: [MON-FRI], start: \"09:00\", end: \"11:00\" }",
            "  - { id: pat, kind: PARTNER, team: partners, partner: acme, reach: { sipUri: \"sip:pat@pbx.acme.example\" } }",
            "");

    @TempDir
    Path dir;

    @Test
    void shouldLoadAValidFileAndFillInDefaults() throws Exception {
        AcdConfig config = ConfigLoader.load(write("acd.yaml", VALID));
        Queue sales = config.model().queue("sales").orElseThrow();
        assertEquals(Settings.QUEUE_WRAP_UP_SECONDS.defaultValue(), sales.wrapUpSeconds());
        assertEquals(MaxWaitAction.CALLBACK, sales.maxWaitAction());
        assertEquals(RouterWaitStrategy.BLOCKING, config.routerWaitStrategy(), "no CPU while idle unless asked");
        assertEquals(ReachKind.SOFTPHONE, config.model().rep("anna").orElseThrow().reach().kind());
        assertEquals("anna", config.model().rep("anna").orElseThrow().reach().address());
        assertEquals("+13125550147", config.model().rep("fred").orElseThrow().reach().address());
        assertEquals(RepKind.INSIDE, config.model().rep("anna").orElseThrow().kind());
        assertEquals("UTC", config.model().rep("anna").orElseThrow().zone().getId());
        assertEquals(List.of("won", "quote-sent", "follow-up", "no-interest", "wrong-number"), config.outcomes());
        assertEquals(0, config.customers().size());
    }

    @Test
    void shouldSayWhatWasExpectedWhenANumberIsText() throws IOException {
        String yaml = VALID.replace("afterSeconds: 30", "afterSeconds: ten");
        ConfigProblem problem = single(yaml);
        assertEquals("queues[0].tiers[1].afterSeconds", problem.path());
        assertEquals("expected a whole number of seconds >= 0, got 'ten'", problem.message());
        assertEquals(lineOf(yaml, "afterSeconds: ten"), problem.line());
        assertEquals(yaml.lines().collect(Collectors.toList()).get(problem.line() - 1).indexOf("ten") + 1, problem.column());
    }

    @Test
    void shouldSuggestTheRightKeyForATypo() throws IOException {
        String yaml = VALID.replace("    skills: { crm: 2 }", "    skills: { crm: 2 }\n    wrapupSeconds: 45");
        ConfigProblem problem = single(yaml);
        assertEquals("queues[0].wrapupSeconds", problem.path());
        assertEquals("unknown key 'wrapupSeconds' (did you mean 'wrapUpSeconds'?)", problem.message());
        assertEquals(lineOf(yaml, "wrapupSeconds"), problem.line());
        assertEquals(5, problem.column());
    }

    @Test
    void shouldReportAMissingRequiredKey() throws IOException {
        String yaml = VALID.replace(", queue: sales }", " }");
        ConfigProblem problem = single(yaml);
        assertEquals("lines[0].queue", problem.path());
        assertTrue(problem.message().startsWith("missing required key 'queue'"), problem.message());
        assertEquals(lineOf(yaml, "id: main"), problem.line());
    }

    @Test
    void shouldRejectSkillLevelsOutsideOneToTen() throws IOException {
        ConfigProblem problem = single(VALID.replace("crm: 5, lang-de: 7", "crm: 11, lang-de: 7"));
        assertEquals("reps[0].skills.crm", problem.path());
        assertEquals("expected a skill level from 1 to 10, got 11", problem.message());
    }

    @Test
    void shouldRejectPercentsAbove100() throws IOException {
        ConfigProblem problem = single(VALID.replace("    skills: { crm: 2 }", "    skills: { crm: 2 }\n    serviceLevelGoalPercent: 120"));
        assertEquals("queues[0].serviceLevelGoalPercent", problem.path());
        assertEquals("expected a percent from 0 to 100, got 120", problem.message());
    }

    @Test
    void shouldReportDuplicateIdsWithTheFirstDefinition() throws IOException {
        String yaml = VALID.replace("{ id: pat,", "{ id: anna,");
        ConfigProblem problem = single(yaml);
        assertEquals("reps[2].id", problem.path());
        assertEquals("duplicate rep 'anna' (first defined at line " + lineOf(yaml, "{ id: anna, team") + ")", problem.message());
    }

    @Test
    void shouldReportALineNamingAnUnknownQueueWithASuggestion() throws IOException {
        ConfigProblem problem = single(VALID.replace("queue: sales", "queue: salse"));
        assertEquals("lines[0].queue", problem.path());
        assertEquals("unknown queue 'salse' (did you mean 'sales'?)", problem.message());
    }

    @Test
    void shouldCheckEveryCrossReference() throws IOException {
        String yaml = VALID
                .replace("defaultSegment: smb", "defaultSegment: sbm")
                .replace("homeTeams: [inside]", "homeTeams: [insider]")
                .replace("kinds: [INSIDE]", "kinds: [INSDE]")
                .replace("crm: 5, lang-de: 7", "crm: 5, lang-fr: 7")
                .replace("partner: acme", "partner: acne")
                .replace("    skills: { crm: 2 }", "    skills: { crm: 2 }\n    maxWaitSeconds: 60\n    maxWaitAction: OVERFLOW\n"
                        + "    overflowQueue: nowhere");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "routing.defaultSegment", "unknown segment 'sbm' (did you mean 'smb'?)");
        assertProblem(problems, "segments[0].homeTeams[0]", "no rep is in team 'insider' (did you mean 'inside'?)");
        assertProblem(problems, "queues[0].tiers[1].kinds[0]", "expected one of INSIDE, FIELD, PARTNER, got 'INSDE' (did you mean 'INSIDE'?)");
        assertProblem(problems, "reps[0].skills.lang-fr", "unknown skill 'lang-fr' (did you mean 'lang-de'?)");
        assertProblem(problems, "reps[2].partner", "unknown partner organisation 'acne' (did you mean 'acme'?)");
        assertProblem(problems, "queues[0].overflowQueue", "unknown queue 'nowhere'; known: sales");
        assertEquals(6, problems.size(), ConfigProblem.render(problems).toString());
    }

    @Test
    void shouldAllowLiveWindowsOnlyForFieldRepsAndRequireThemThere() throws IOException {
        String yaml = VALID
                .replace("{ id: anna, team: inside, skills: { crm: 5, lang-de: 7 } }",
                        "{ id: anna, team: inside, skills: { crm: 5 }, liveWindows: [ { days: [MON], start: \"09:00\", end: \"10:00\" } ] }")
                .replace("    liveWindows:\n      - { days: [MON-FRI], start: \"09:00\", end: \"11:00\" }\n", "");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "reps[0].liveWindows", "live windows are only for FIELD reps; this rep is INSIDE");
        assertProblem(problems, "reps[1].liveWindows", "a FIELD rep needs at least one live window (when it takes live calls)");
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
    }

    @Test
    void shouldRejectBadDaysAndTimesInLiveWindows() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml",
                VALID.replace("days: [MON-FRI], start: \"09:00\"", "days: [MON-FRY], start: \"9h\"")));
        assertProblem(problems, "reps[1].liveWindows[0].days[0]", "expected a day such as MON, TUESDAY or a range such as MON-FRI, got 'MON-FRY'");
        assertProblem(problems, "reps[1].liveWindows[0].start", "expected a time of day as HH:MM, got '9h'");
    }

    @Test
    void shouldReportEveryMistakeInOneFileInLineOrder() throws IOException {
        String yaml = VALID
                .replace("defaultSegment: smb", "defaultSegment: smb\n  passedOverLimit: lots")
                .replace("afterSeconds: 30", "afterSeconds: -1")
                .replace("queue: sales", "queue: support")
                .replace("team: field", "team: field\n    colour: blue");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        List<String> paths = problems.stream().map(ConfigProblem::path).collect(Collectors.toList());
        assertEquals(List.of("routing.passedOverLimit", "queues[0].tiers[1].afterSeconds", "lines[0].queue", "reps[1].colour"), paths,
                ConfigProblem.render(problems).toString());
        List<Integer> lines = problems.stream().map(ConfigProblem::line).collect(Collectors.toList());
        assertEquals(lines.stream().sorted().collect(Collectors.toList()), lines);
    }

    @Test
    void shouldNeverHalfLoadABrokenFile() throws IOException {
        Path file = write("acd.yaml", VALID.replace("crm: 2", "crm: two").replace("queue: sales", "queue: nope"));
        ConfigException thrown = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(2, thrown.problems().size());
        assertEquals(ConfigLoader.check(file), thrown.problems());
        assertTrue(thrown.getMessage().contains("2 configuration problems"), thrown.getMessage());
    }

    @Test
    void shouldGiveLineAndColumnOfAYamlSyntaxError() throws IOException {
        String yaml = VALID.replace("  - { id: smb, homeTeams: [inside] }", "  - { id: smb, homeTeams: [inside }");
        ConfigProblem problem = single(yaml);
        assertTrue(problem.message().startsWith("YAML syntax: "), problem.message());
        assertEquals(lineOf(yaml, "homeTeams: [inside }"), problem.line());
        assertTrue(problem.column() > 1, "column " + problem.column());
    }

    @Test
    void shouldReportAnEmptyOrMissingFile() throws IOException {
        assertEquals("the file is empty", single("").message().substring(0, 17));
        List<ConfigProblem> missing = ConfigLoader.check(dir.resolve("nope.yaml"));
        assertEquals("file not found", missing.get(0).message());
    }

    @Test
    void shouldRefuseAPlainPasswordAndSayToHashIt() throws IOException {
        String yaml = VALID + "credentials:\n  realm: acd.example\n  softphones:\n    - { user: anna, password: secret123 }\n";
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        ConfigProblem problem = problems.stream().filter(p -> p.path().equals("credentials.softphones[0].password"))
                .findFirst().orElseThrow(() -> new AssertionError(ConfigProblem.render(problems)));
        assertTrue(problem.message().startsWith("plain passwords are not accepted; store digest hashes"), problem.message());
        assertFalse(problem.message().contains("secret123"));
        assertEquals(lineOf(yaml, "password: secret123"), problem.line());
    }

    @Test
    void shouldNotEchoAPasswordPastedWhereAHashBelongs() throws IOException {
        String yaml = VALID + "credentials:\n  softphones:\n    - { user: anna, md5: secret123 }\n";
        ConfigProblem problem = single(yaml);
        assertEquals("credentials.softphones[0].md5", problem.path());
        assertFalse(problem.message().contains("secret123"), problem.message());
        assertTrue(problem.message().contains("32 hex digits"), problem.message());
    }

    @Test
    void shouldAcceptHashesAndTieThemToTheRep() throws Exception {
        String md5 = DigestHashes.ha1(DigestAlgorithm.MD5, "anna", "acd.example", "s3cret");
        String yaml = VALID + "credentials:\n  realm: acd.example\n  softphones:\n    - { user: anna, md5: " + md5.toUpperCase() + " }\n";
        SoftphoneCredential credential = ConfigLoader.load(write("acd.yaml", yaml)).credentials().forUser("anna").orElseThrow();
        assertEquals("anna", credential.repId());
        assertEquals(md5, credential.ha1(DigestAlgorithm.MD5).orElseThrow());
        assertFalse(credential.ha1(DigestAlgorithm.SHA_256).isPresent());
    }

    @Test
    void shouldRejectCredentialsForAUserNoRepIsReachedAt() throws IOException {
        String sha = DigestHashes.ha1(DigestAlgorithm.SHA_256, "pat", "acd", "x");
        ConfigProblem problem = single(VALID + "credentials:\n  softphones:\n    - { user: pat, sha256: " + sha + " }\n");
        assertEquals("credentials.softphones[0].user", problem.path());
        assertTrue(problem.message().startsWith("no rep is reached at softphone user 'pat'"), problem.message());
    }

    @Test
    void shouldCheckInlineCustomersAgainstTheRestOfTheFile() throws IOException {
        String yaml = VALID + "customers:\n  inline:\n"
                + "    - { id: c1, name: Ann, numbers: [\"+1 555 0199\"], segment: smbb, accountOwner: ana, partner: acm, language: fr }\n"
                + "    - { id: c2, name: Bo, numbers: [\"+1 555 0199\"], segment: channel, accountOwner: pat }\n";
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "customers.inline[0].segment", "unknown segment 'smbb' (did you mean 'smb'?)");
        assertProblem(problems, "customers.inline[0].accountOwner", "unknown rep 'ana' (did you mean 'anna'?)");
        assertProblem(problems, "customers.inline[0].partner", "unknown partner organisation 'acm' (did you mean 'acme'?)");
        assertProblem(problems, "customers.inline[0].language", "language 'fr' has no skill 'lang-fr' to route it by (did you mean 'lang-de'?)");
        assertProblem(problems, "customers.inline[1].numbers[0]", "duplicate customer number '15550199' (first defined at line "
                + lineOf(yaml, "id: c1") + ")");
        assertProblem(problems, "customers.inline[1].accountOwner",
                "account owner 'pat' is a rep of partner 'acme' but the account's partner is not set");
        assertEquals(6, problems.size(), ConfigProblem.render(problems).toString());
    }

    @Test
    void shouldNameTheCsvFileAndLineOfABadRow() throws IOException {
        write("people.csv", "id,name,numbers,segment,lifetimeValue\n"
                + "c1,Ann,+1 555 0101,smb,1000\n"
                + "# a comment line\n"
                + "c2,Bo,+1 555 0102,smb,lots\n"
                + "c3,\"Cy, Jr.\",+1 555 0103;+1 555 0104,enterprise,5\n");
        Path yaml = write("acd.yaml", VALID + "customers:\n  file: people.csv\n");
        List<ConfigProblem> problems = ConfigLoader.check(yaml);
        String csv = dir.resolve("people.csv").toString();
        ConfigProblem value = assertProblem(problems, "customers.file[1].lifetimeValue",
                "expected a whole number of currency units >= 0, got 'lots'");
        assertEquals(csv, value.file());
        assertEquals(4, value.line());
        assertEquals(23, value.column());
        ConfigProblem segment = assertProblem(problems, "customers.file[2].segment", "unknown segment 'enterprise'; known: smb, channel");
        assertEquals(csv, segment.file());
        assertEquals(5, segment.line());
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
        assertTrue(value.render().startsWith(csv + ":4:23: customers.file[1].lifetimeValue: expected"), value.render());
    }

    @Test
    void shouldReportUnknownAndMissingCsvColumns() throws IOException {
        write("people.csv", "id,name,phone,segment\nc1,Ann,+1 555 0101,smb\n");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", VALID + "customers:\n  file: people.csv\n"));
        assertProblem(problems, "customers.file header", "unknown column 'phone'; expected columns: id, name, account, numbers, "
                + "segment, lifetimeValue, accountOwner, territory, partner, language");
        assertProblem(problems, "customers.file header", "missing required column 'numbers'");
        assertTrue(problems.stream().allMatch(p -> p.line() == 1 || p.line() == 2), ConfigProblem.render(problems).toString());
    }

    @Test
    void shouldReportAMissingCsvFileAtTheKeyThatNamesIt() throws IOException {
        String yaml = VALID + "customers:\n  file: gone.csv\n";
        ConfigProblem problem = single(yaml);
        assertEquals("customers.file", problem.path());
        assertEquals(lineOf(yaml, "file: gone.csv"), problem.line());
        assertTrue(problem.message().startsWith("customers file 'gone.csv' not found"), problem.message());
    }

    @Test
    void shouldCheckTheSimulationSection() throws IOException {
        String yaml = VALID + "simulation:\n"
                + "  arrivalsPerHour: { main: 20, mian: 5 }\n"
                + "  dailyProfile: [1, 2, 3]\n"
                + "  talkTime: { kind: exponential, mean: 300, sigma: 0.5 }\n"
                + "  wrapTime: { kind: lognormal, mean: 40 }\n"
                + "  holdProbability: 1.5\n"
                + "  dispositionMix: { won: 0.5, lost: 0.3 }\n";
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "simulation.arrivalsPerHour.mian", "unknown line 'mian' (did you mean 'main'?)");
        assertProblem(problems, "simulation.dailyProfile", "expected 24 hourly weights (hour 0 first), got 3");
        assertProblem(problems, "simulation.talkTime.sigma", "sigma only applies to lognormal distributions; this one is exponential");
        assertProblem(problems, "simulation.wrapTime.sigma", "a lognormal distribution needs sigma (its shape, e.g. 0.7)");
        assertProblem(problems, "simulation.holdProbability", "expected a probability from 0 to 1, got 1.5");
        assertProblem(problems, "simulation.dispositionMix.lost", "unknown outcome 'lost'; known: won, quote-sent, follow-up, "
                + "no-interest, wrong-number");
        assertProblem(problems, "simulation.dispositionMix", "the shares add up to 0.8, expected 1");
        assertEquals(7, problems.size(), ConfigProblem.render(problems).toString());
    }

    @Test
    void shouldReportDuplicateKeysAndValuesOfTheWrongShape() throws IOException {
        String yaml = VALID.replace("routing:\n  defaultSegment: smb", "routing:\n  defaultSegment: smb\n  defaultSegment: channel")
                .replace("partners:\n  - { id: acme, name: Acme Resellers }", "partners: { id: acme }");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "routing.defaultSegment", "duplicate key 'defaultSegment' (first at line 2)");
        assertProblem(problems, "partners", "expected a list, got a mapping");
    }

    @Test
    void shouldCheckHowAQueueEndsAWait() throws IOException {
        String yaml = VALID.replace("    skills: { crm: 2 }", "    skills: { crm: 2 }\n    maxWaitSeconds: 120\n    maxWaitAction: overflow")
                .replace("{ name: owner, scope: RELATIONSHIP }", "{ name: owner, scope: RELATIONSHIP, kinds: [FIELD] }");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "queues[0].maxWaitAction", "maxWaitAction OVERFLOW needs overflowQueue");
        assertProblem(problems, "queues[0].tiers[0].kinds", "kinds only applies to SKILLED tiers; this tier's scope is RELATIONSHIP");
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());

        String self = VALID.replace("    skills: { crm: 2 }", "    skills: { crm: 2 }\n    maxWaitSeconds: 120\n"
                + "    maxWaitAction: OVERFLOW\n    overflowQueue: sales");
        assertEquals("a queue cannot overflow into itself", single(self).message());
    }

    @Test
    void shouldRequireAPartnerForPartnerRepsOnly() throws IOException {
        String yaml = VALID.replace(", partner: acme, reach:", ", reach:")
                .replace("{ id: anna, team: inside,", "{ id: anna, team: inside, partner: acme,");
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertProblem(problems, "reps[2].partner", "a PARTNER rep needs partner (the partner organisation it works for)");
        assertProblem(problems, "reps[0].partner", "only PARTNER reps belong to a partner organisation; this rep is INSIDE");
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
    }

    @Test
    void shouldRenderProblemsAsCompilerStyleLines() {
        ConfigProblem located = new ConfigProblem("acd.yaml", 12, 7, "queues[0].wrapUpSeconds", "expected a whole number");
        ConfigProblem whole = new ConfigProblem("acd.yaml", 0, 0, "", "file not found");
        assertEquals(List.of("acd.yaml:12:7: queues[0].wrapUpSeconds: expected a whole number", "acd.yaml: file not found"),
                ConfigLoader.render(List.of(located, whole)));
    }

    private ConfigProblem single(String yaml) throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", yaml));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertTrue(problems.get(0).file().endsWith("acd.yaml"));
        return problems.get(0);
    }

    @Test
    void shouldTakeTheRoutersWaitStrategyAndNameTheChoicesForAWrongOne() throws Exception {
        assertEquals(RouterWaitStrategy.SLEEPING,
                ConfigLoader.load(write("acd.yaml", "routerWaitStrategy: sleeping\n" + VALID)).routerWaitStrategy());

        List<ConfigProblem> problems = ConfigLoader.check(write("acd.yaml", "routerWaitStrategy: spinning\n" + VALID));
        assertProblem(problems, "routerWaitStrategy", "expected one of BLOCKING, SLEEPING, YIELDING, got 'spinning'");
    }

    private static ConfigProblem assertProblem(List<ConfigProblem> problems, String path, String message) {
        return problems.stream().filter(p -> p.path().equals(path) && p.message().equals(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem '" + path + ": " + message + "' in\n"
                        + String.join("\n", ConfigProblem.render(problems))));
    }

    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
