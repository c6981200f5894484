package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;
import dev.acd.config.ConfigException;
import dev.acd.config.HttpSettings;
import dev.acd.config.QaSettings;
import dev.acd.config.RouterWaitStrategy;
import dev.acd.core.journal.JournalSettings;
import dev.acd.config.SimulationSettings;
import dev.acd.config.SipSettings;
import dev.acd.config.SoftphoneCredentials;
import dev.acd.config.WebUser;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RoutingModel;

/**
 * Reads one configuration: YAML syntax, then every section, then the references between them. Either everything
 * is valid and a whole {@link AcdConfig} comes back, or a {@link ConfigException} lists every problem found.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    public static AcdConfig read(Source source) throws ConfigException {
        Problems problems = new Problems();
        AcdConfig config = read(source, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return config;
    }

    private static AcdConfig read(Source source, Problems problems) {
        Node root = compose(source, problems);
        if (root == null) {
            return null;
        }
        YamlMap top = YamlMap.open(problems, source.name(), root, "", "");
        if (top == null) {
            return null;
        }
        References refs = new References(problems);
        ZoneId zone = top.zone(ZONE);
        zone = zone == null ? ZoneId.of("UTC") : zone;
        int tickIntervalMs = top.whole(TICK_INTERVAL_MS);
        RouterWaitStrategy waitStrategy = top.choice(ROUTER_WAIT_STRATEGY, RouterWaitStrategy.class);
        JournalSettings journal = journal(top);
        List<String> outcomes = outcomes(top, refs);

        ModelSection model = new ModelSection(top, source, refs, zone);
        model.read();
        CustomerSection customers = new CustomerSection(top, source, refs);
        customers.read();
        CredentialSection credentials = new CredentialSection(top, refs);
        credentials.read();
        SimulationSettings simulation = new SimulationSection(top, refs, outcomes).read();
        AsteriskSettings asterisk = new AsteriskSection(top).read();
        QaSettings qa = new QaSection(top, refs).read();
        List<WebUser> users = new UserSection(top, refs).read();
        SipSettings sip = new SipSection(top, source).read();
        HttpSettings http = new HttpSection(top).read();

        refs.resolve();
        RoutingModel routing = model.model();
        // Not RoutingModel.repsById(): with duplicate rep ids (already reported) it would throw.
        Map<String, Rep> reps = new HashMap<>();
        routing.reps().forEach(rep -> reps.putIfAbsent(rep.id(), rep));
        customers.checkOwners(reps);
        CustomerDirectory directory = customers.directory();
        SoftphoneCredentials softphones = credentials.credentials(model.softphoneUsers());
        return new AcdConfig(source.name(), zone, tickIntervalMs, waitStrategy, routing, directory, model.partners(),
                softphones, outcomes, journal, simulation, asterisk, qa, users, sip, http);
    }

    private static Node compose(Source source, Problems problems) {
        String text;
        try {
            text = source.read();
        } catch (NoSuchFileException e) {
            problems.add(source.name(), "", "file not found");
            return null;
        } catch (IOException e) {
            problems.add(source.name(), "", "cannot read: " + e);
            return null;
        }
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
            if (root == null) {
                problems.add(source.name(), "", "the file is empty; expected a mapping with at least "
                        + "routing, skills, segments, queues, lines and reps");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = "YAML syntax: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
            if (mark == null) {
                problems.add(source.name(), "", message);
            } else {
                problems.add(new Where(source.name(), mark.getLine() + 1, mark.getColumn() + 1, ""), message);
            }
            return null;
        } catch (YAMLException e) {
            problems.add(source.name(), "", "YAML syntax: " + e.getMessage());
            return null;
        }
    }

    private static JournalSettings journal(YamlMap top) {
        YamlMap m = top.section(JOURNAL, "journal");
        if (m == null) {
            return new JournalSettings(Path.of((String) JOURNAL_DIRECTORY.defaultValue()),
                    ((Number) JOURNAL_RETENTION_DAYS.defaultValue()).intValue());
        }
        String directory = m.text(JOURNAL_DIRECTORY);
        Path path = Path.of((String) JOURNAL_DIRECTORY.defaultValue());
        if (directory != null) {
            try {
                path = Path.of(directory);
            } catch (RuntimeException e) {
                m.problems().add(m.at(JOURNAL_DIRECTORY), "expected a directory path, got '" + directory + "'");
            }
        }
        return new JournalSettings(path, m.whole(JOURNAL_RETENTION_DAYS));
    }

    @SuppressWarnings("unchecked")
    private static List<String> outcomes(YamlMap top, References refs) {
        if (!top.has(OUTCOMES)) {
            List<String> defaults = (List<String>) OUTCOMES.defaultValue();
            defaults.forEach(o -> refs.define("outcome", o, top.self()));
            return defaults;
        }
        List<String> outcomes = new ArrayList<>();
        List<YamlMap.Item> items = top.list(OUTCOMES);
        for (YamlMap.Item item : items) {
            String id = top.id(item.node(), item.where());
            refs.define("outcome", id, item.where());
            if (id != null) {
                outcomes.add(id);
            }
        }
        if (items.isEmpty()) {
            top.problems().add(top.at(OUTCOMES), "expected at least one outcome code, e.g. won, no-interest");
        }
        return outcomes;
    }

}
