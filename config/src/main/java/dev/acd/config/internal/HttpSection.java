package dev.acd.config.internal;

import static dev.acd.config.Settings.HTTP;
import static dev.acd.config.Settings.HTTP_BIND;
import static dev.acd.config.Settings.HTTP_ENABLED;
import static dev.acd.config.Settings.HTTP_PORT;
import static dev.acd.config.Settings.HTTP_SESSION_HOURS;

import dev.acd.config.HttpSettings;

/** Reads the {@code http} section; every key has a default, so an absent section serves on 0.0.0.0:8080. */
final class HttpSection {
    private final YamlMap top;

    HttpSection(YamlMap top) {
        this.top = top;
    }

    HttpSettings read() {
        YamlMap m = top.has(HTTP) ? top.section(HTTP, "http") : null;
        if (m == null) {
            m = top.emptySection("http", "http");
        }
        String bind = m.text(HTTP_BIND);
        if (bind != null && (bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace))) {
            m.problems().add(m.at(HTTP_BIND), "expected an address such as 0.0.0.0 or 127.0.0.1, got '" + bind + "'");
        }
        return new HttpSettings(m.bool(HTTP_ENABLED), bind, m.whole(HTTP_PORT), m.whole(HTTP_SESSION_HOURS));
    }
}
