package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.acd.config.AsteriskSettings;

/** Reads the {@code asterisk} section; an absent section turns the adapter off. */
final class AsteriskSection {
    private final YamlMap top;

    AsteriskSection(YamlMap top) {
        this.top = top;
    }

    AsteriskSettings read() {
        if (!top.has(ASTERISK)) {
            return AsteriskSettings.OFF;
        }
        YamlMap m = top.section(ASTERISK, "asterisk");
        if (m == null) {
            return AsteriskSettings.OFF;
        }
        Problems problems = m.problems();
        YamlMap agi = m.section(ASTERISK_FASTAGI, "asterisk.fastagi");
        YamlMap ami = m.section(ASTERISK_AMI, "asterisk.ami");
        agi = agi == null ? m.emptySection("asterisk.fastagi", "asterisk.fastagi") : agi;
        ami = ami == null ? m.emptySection("asterisk.ami", "asterisk.ami") : ami;

        String pattern = agi.text(FASTAGI_TRUNK_DIAL_PATTERN);
        if (pattern != null && !pattern.contains(AsteriskSettings.NUMBER_PLACEHOLDER)) {
            problems.add(agi.at(FASTAGI_TRUNK_DIAL_PATTERN), "expected a dial string containing "
                    + AsteriskSettings.NUMBER_PLACEHOLDER + " (where the rep's number goes), got '" + pattern + "'");
        }
        String bind = agi.text(FASTAGI_BIND);
        if (bind != null && (bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace))) {
            problems.add(agi.at(FASTAGI_BIND), "expected an address such as 0.0.0.0 or 127.0.0.1, got '" + bind + "'");
        }

        boolean amiEnabled = ami.bool(AMI_ENABLED);
        String user = ami.text(AMI_USER);
        String secret = ami.text(AMI_SECRET);
        if (amiEnabled && (user == null || user.isBlank())) {
            problems.add(ami.at(AMI_USER), "the manager interface is enabled but no user is given");
        }
        if (amiEnabled && (secret == null || secret.isEmpty())) {
            problems.add(ami.at(AMI_SECRET), "the manager interface is enabled but no secret is given");
        }
        boolean byoq = m.bool(ASTERISK_BRING_YOUR_OWN_QUEUE);
        if (byoq && !amiEnabled) {
            problems.add(m.at(ASTERISK_BRING_YOUR_OWN_QUEUE),
                    "bringYourOwnQueue needs the manager interface (set asterisk.ami.enabled: true)");
        }
        Path recordings = null;
        String directory = m.text(ASTERISK_RECORDINGS_DIRECTORY);
        if (directory != null) {
            try {
                recordings = Path.of(directory);
            } catch (InvalidPathException e) {
                problems.add(m.at(ASTERISK_RECORDINGS_DIRECTORY), "expected a directory path, got '" + directory + "'");
            }
        }
        return new AsteriskSettings(agi.bool(FASTAGI_ENABLED), bind, agi.whole(FASTAGI_PORT),
                agi.whole(FASTAGI_MAX_WAITING_CALLS), pattern, amiEnabled, ami.text(AMI_HOST), ami.whole(AMI_PORT),
                user, secret, byoq, recordings);
    }
}
