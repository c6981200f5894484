package dev.acd.runtime;

import java.nio.file.Path;
import java.util.List;

import dev.acd.api.ConfigReloader;
import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigException;
import dev.acd.config.ConfigLoader;
import dev.acd.config.ConfigProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the configuration the server runs on and puts it in force without a restart (SIGHUP, the API). A file
 * with any problem is refused whole, with every problem named, and the running configuration stays.
 */
public final class ConfigReload {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReload.class);

    /** How the configuration loader names the embedded demo configuration's source. */
    private static final String EMBEDDED = "classpath:";

    private final AcdServer server;
    private final Path file;

    /** What a reload did. */
    public sealed interface Outcome {
        /** The new configuration is in force as {@code version}. */
        record Applied(long version, String source) implements Outcome {
        }

        /** The file was refused; {@code problems} are {@code file:line:column: path: message} lines. */
        record Refused(List<String> problems) implements Outcome {
        }
    }

    /** Reloads the file the server's configuration came from (the embedded demo configuration stays embedded). */
    public static ConfigReload of(AcdServer server) {
        String source = server.config().source();
        return new ConfigReload(server, source.startsWith(EMBEDDED) ? null : Path.of(source));
    }

    /** This reload as the HTTP API's {@code POST /api/admin/config/reload}. */
    public ConfigReloader forApi() {
        return () -> {
            Outcome outcome = reload();
            if (outcome instanceof Outcome.Applied applied) {
                return new ConfigReloader.Result(true, applied.version(), applied.source(), List.of());
            }
            return new ConfigReloader.Result(false, 0, null, ((Outcome.Refused) outcome).problems());
        };
    }

    /** Reloads {@code file}, or the embedded demo configuration when it is null. */
    public ConfigReload(AcdServer server, Path file) {
        this.server = server;
        this.file = file;
    }

    /** Reads, validates and applies the configuration file; safe from any thread, one reload at a time. */
    public synchronized Outcome reload() {
        AcdConfig next;
        try {
            next = file == null ? ConfigLoader.loadDefault() : ConfigLoader.load(file);
        } catch (ConfigException e) {
            List<String> problems = ConfigProblem.render(e.problems());
            LOG.warn("configuration reload refused, the running one stays:\n  {}", String.join("\n  ", problems));
            return new Outcome.Refused(problems);
        }
        long version = server.reconfigure(next);
        LOG.info("configuration {} in force as version {}", next.source(), version);
        return new Outcome.Applied(version, next.source());
    }
}
