package dev.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.api.ConfigReloader;
import dev.acd.config.ConfigLoader;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.ManualClock;
import dev.acd.router.pipeline.PipelineSettings;

class ConfigReloadTest {
    private static final String DEMO = "dev/acd/config/default/";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_795_000_000_000L);

    @Test
    void shouldPutAChangedFileInForceAsANewJournaledVersion() throws Exception {
        Path yaml = demoCopy();
        try (AcdServer server = start(yaml)) {
            Files.writeString(yaml, Files.readString(yaml).replace("name: Ava Chen", "name: Ava Chen-Park"));
            ConfigReload.Outcome outcome = new ConfigReload(server, yaml).reload();

            ConfigReload.Outcome.Applied applied = assertInstanceOf(ConfigReload.Outcome.Applied.class, outcome);
            assertEquals(2, applied.version());
            assertEquals("Ava Chen-Park", server.config().model().repsById().get("ava.chen").name());
        }
        List<ConfigChanged> journaled = configsJournaled();
        assertEquals(List.of(1L, 2L), journaled.stream().map(ConfigChanged::version).toList());
        assertEquals("Ava Chen-Park", journaled.get(1).model().repsById().get("ava.chen").name(),
                "the router got the new model in the journal");
    }

    @Test
    void shouldRefuseABrokenFileWholeNamingWhereAndKeepTheRunningConfiguration() throws Exception {
        Path yaml = demoCopy();
        try (AcdServer server = start(yaml)) {
            String good = Files.readString(yaml);
            Files.writeString(yaml, good.replace("name: Ava Chen", "name: Ava Chen-Park")
                    .replace("name: Ava Chen-Park, kind: INSIDE", "name: Ava Chen-Park, kind: WIZARD"));
            ConfigReload.Outcome outcome = new ConfigReload(server, yaml).reload();

            ConfigReload.Outcome.Refused refused = assertInstanceOf(ConfigReload.Outcome.Refused.class, outcome);
            assertTrue(refused.problems().stream().anyMatch(p -> p.startsWith(yaml.toString() + ":104:")
                    && p.contains("WIZARD")), String.join("\n", refused.problems()));
            assertEquals("Ava Chen", server.config().model().repsById().get("ava.chen").name(),
                    "nothing of the refused file is in force, not even its valid changes");
            ConfigReloader.Result viaApi = new ConfigReload(server, yaml).forApi().reload();
            assertEquals(false, viaApi.applied());
            assertEquals(refused.problems(), viaApi.problems(), "the API answers the same problems");
        }
        assertEquals(1, configsJournaled().size(), "a refused file journals nothing");
    }

    private AcdServer start(Path yaml) throws Exception {
        return AcdServer.start(ConfigLoader.load(yaml), new JournalSettings(dir.resolve("journal"),
                JournalSettings.KEEP_FOREVER), clock, PipelineSettings.DEFAULT);
    }

    private Path demoCopy() throws IOException {
        for (String name : List.of("acd.yaml", "customers.csv", "main-menu.wav")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir.resolve("acd.yaml");
    }

    private List<ConfigChanged> configsJournaled() {
        List<ConfigChanged> configs = new ArrayList<>();
        try (Journal journal = Journal.open(new JournalSettings(dir.resolve("journal"), JournalSettings.KEEP_FOREVER));
             JournalReader reader = journal.readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                if (e instanceof ConfigChanged changed) {
                    configs.add(changed);
                }
            }
        }
        return configs;
    }
}
