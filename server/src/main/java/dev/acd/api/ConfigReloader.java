package dev.acd.api;

import java.util.List;

/** Puts the configuration file in force again, for {@code POST /api/admin/config/reload}. */
@FunctionalInterface
public interface ConfigReloader {
    /** What a reload did: applied as {@code version}, or refused with every problem. */
    record Result(boolean applied, long version, String source, List<String> problems) {
    }

    Result reload();

    /** For servers with no file to reload (tests): every reload is refused, saying so. */
    ConfigReloader NONE = () -> new Result(false, 0, null,
            List.of("this server was started without a configuration it can reload"));
}
