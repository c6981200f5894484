package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.config.SipSettings;

/**
 * Reads the {@code sip:} section. Every key has a default, so an absent section gives SIP on 0.0.0.0:5060. Checks
 * what the SIP gateway would refuse at start-up (T2 below T1, expiry limits out of order, an odd RTP port, a trunk
 * source that is not an address or network), so the operator hears it with the file, line and column.
 */
final class SipSection {
    /** An IPv4 or IPv6 literal, never a host name: no DNS at start-up or per request. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern SIP_USER = Pattern.compile("[A-Za-z0-9._~+*-]+");
    private static final Pattern E164 = Pattern.compile("\\+?[0-9]{2,15}");

    private final YamlMap top;
    private final Source source;
    private final Problems problems;

    SipSection(YamlMap top, Source source) {
        this.top = top;
        this.source = source;
        this.problems = top.problems();
    }

    SipSettings read() {
        YamlMap m = top.section(SIP, "sip");
        if (m == null) {
            m = top.emptySection("sip", "sip");
        }
        String bind = m.text(SIP_BIND);
        if (bind != null && (!IP_LITERAL.matcher(bind).matches() || networkProblem(bind) != null)) {
            problems.add(m.at(SIP_BIND), "expected an IP address such as 0.0.0.0 or 127.0.0.1, got '" + bind + "'");
            bind = "0.0.0.0";
        }
        Set<String> transports = transports(m);
        String advertised = m.text(SIP_ADVERTISED_ADDRESS);
        if (advertised != null && (advertised.isBlank() || advertised.chars().anyMatch(Character::isWhitespace)
                || advertised.contains(":") && !IP_LITERAL.matcher(advertised).matches())) {
            problems.add(m.at(SIP_ADVERTISED_ADDRESS), "expected a host name or IP address without port, such as "
                    + "203.0.113.10 or sip.example.com, got '" + advertised + "'");
            advertised = null;
        }
        String testExtension = m.text(SIP_TEST_EXTENSION);
        if (testExtension != null && !SIP_USER.matcher(testExtension).matches()) {
            problems.add(m.at(SIP_TEST_EXTENSION), "expected a SIP user part such as echo, got '" + testExtension + "'");
            testExtension = null;
        }
        return new SipSettings(m.bool(SIP_ENABLED), bind, m.whole(SIP_PORT), transports.contains("udp"),
                transports.isEmpty() || transports.contains("tcp"), advertised, m.whole(SIP_IO_THREADS),
                m.whole(SIP_TCP_IDLE_TIMEOUT_SECONDS) * 1000L, timers(m), registrar(m), digest(m), defence(m),
                trunk(m), media(m), testExtension, m.whole(SIP_TEST_EXTENSION_RING_MS), calls(m));
    }

    private Set<String> transports(YamlMap m) {
        Set<String> transports = new LinkedHashSet<>();
        if (!m.has(SIP_TRANSPORTS)) {
            return Set.of("udp", "tcp");
        }
        for (YamlMap.Text t : m.texts(SIP_TRANSPORTS)) {
            String name = t.value().toLowerCase(Locale.ROOT);
            if (!name.equals("udp") && !name.equals("tcp")) {
                problems.add(t.where(), "expected udp or tcp, got '" + t.value() + "'");
            } else if (!transports.add(name)) {
                problems.add(t.where(), "transport " + name + " is listed twice");
            }
        }
        if (transports.isEmpty()) {
            problems.add(m.at(SIP_TRANSPORTS), "expected at least one transport: udp, tcp");
        }
        return transports;
    }

    private SipSettings.Timers timers(YamlMap m) {
        YamlMap t = sub(m, SIP_TIMERS, "sip.timers");
        long t1 = t.whole(SIP_T1_MS);
        long t2 = t.whole(SIP_T2_MS);
        if (t2 < t1) {
            problems.add(t.at(SIP_T2_MS), "t2Ms (" + t2 + ") must not be below t1Ms (" + t1 + ")");
            t2 = t1;
        }
        return new SipSettings.Timers(t1, t2, t.whole(SIP_T4_MS));
    }

    private SipSettings.Registrar registrar(YamlMap m) {
        YamlMap r = sub(m, SIP_REGISTRAR, "sip.registrar");
        int min = r.whole(REGISTRAR_MIN_EXPIRES);
        int max = r.whole(REGISTRAR_MAX_EXPIRES);
        int standard = r.whole(REGISTRAR_DEFAULT_EXPIRES);
        if (max < min) {
            problems.add(r.at(REGISTRAR_MAX_EXPIRES), "maxExpiresSeconds (" + max + ") must not be below "
                    + "minExpiresSeconds (" + min + ")");
            max = min;
        }
        if (standard < min || standard > max) {
            problems.add(r.at(REGISTRAR_DEFAULT_EXPIRES), "defaultExpiresSeconds (" + standard + ") must be within "
                    + "minExpiresSeconds-maxExpiresSeconds (" + min + "-" + max + ")");
            standard = Math.max(min, Math.min(max, standard));
        }
        return new SipSettings.Registrar(min, max, standard, r.whole(REGISTRAR_MAX_CONTACTS),
                r.whole(REGISTRAR_PING_INTERVAL) * 1000L, r.whole(REGISTRAR_PING_MAX_MISSES));
    }

    private SipSettings.Digest digest(YamlMap m) {
        YamlMap d = sub(m, SIP_DIGEST, "sip.digest");
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        if (!d.has(DIGEST_ALGORITHMS)) {
            algorithms = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        } else {
            for (YamlMap.Text t : d.texts(DIGEST_ALGORITHMS)) {
                Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromRfcName(t.value());
                if (algorithm.isEmpty()) {
                    problems.add(t.where(), "expected SHA-256 or MD5, got '" + t.value() + "'");
                } else if (algorithms.contains(algorithm.get())) {
                    problems.add(t.where(), t.value() + " is listed twice");
                } else {
                    algorithms.add(algorithm.get());
                }
            }
            if (algorithms.isEmpty()) {
                problems.add(d.at(DIGEST_ALGORITHMS), "expected at least one algorithm: SHA-256, MD5");
                algorithms = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
            }
        }
        return new SipSettings.Digest(algorithms, d.whole(DIGEST_NONCE_LIFETIME) * 1000L, d.bool(DIGEST_ACCEPT_NO_QOP));
    }

    private SipSettings.Defence defence(YamlMap m) {
        YamlMap d = sub(m, SIP_DEFENCE, "sip.defence");
        return new SipSettings.Defence(d.whole(DEFENCE_WINDOW) * 1000L, d.whole(DEFENCE_MAX_FAILURES_PER_SOURCE),
                d.whole(DEFENCE_MAX_FAILURES_PER_USER), d.whole(DEFENCE_BLOCK) * 1000L);
    }

    private SipSettings.Trunk trunk(YamlMap m) {
        YamlMap t = sub(m, SIP_TRUNK, "sip.trunk");
        List<String> sources = new ArrayList<>();
        for (YamlMap.Text text : t.texts(TRUNK_ALLOWED_SOURCES)) {
            String problem = networkProblem(text.value());
            if (problem != null) {
                problems.add(text.where(), problem);
            } else {
                sources.add(text.value());
            }
        }
        String address = t.text(TRUNK_ADDRESS);
        if (address != null && !isIpAndPort(address)) {
            problems.add(t.at(TRUNK_ADDRESS), "expected an IP address and port such as 198.51.100.7:5060 (no host "
                    + "names), got '" + address + "'");
            address = null;
        }
        String transport = t.text(TRUNK_TRANSPORT);
        if (transport != null && !transport.equalsIgnoreCase("udp") && !transport.equalsIgnoreCase("tcp")) {
            problems.add(t.at(TRUNK_TRANSPORT), "expected udp or tcp, got '" + transport + "'");
            transport = "udp";
        }
        String callerId = t.text(TRUNK_CALLER_ID);
        if (callerId != null && !E164.matcher(callerId.replaceAll("[ ()-]", "")).matches()) {
            problems.add(t.at(TRUNK_CALLER_ID), "expected a number such as +1 555 0100, got '" + callerId + "'");
            callerId = null;
        }
        List<String> dialRules = new ArrayList<>();
        for (YamlMap.Text rule : t.texts(TRUNK_DIAL_RULES)) {
            String problem = dialRuleProblem(rule.value());
            if (problem != null) {
                problems.add(rule.where(), problem);
            } else {
                dialRules.add(rule.value().strip());
            }
        }
        return new SipSettings.Trunk(sources, address, transport == null ? "udp" : transport.toLowerCase(Locale.ROOT),
                callerId, dialRules);
    }

    /** What is wrong with a dial rule ('allow REGEX' or 'deny REGEX'), or null. */
    static String dialRuleProblem(String rule) {
        String text = rule.strip();
        int space = text.indexOf(' ');
        String verb = space < 0 ? text : text.substring(0, space);
        if (!verb.equals("allow") && !verb.equals("deny")) {
            return "expected 'allow REGEX' or 'deny REGEX', got '" + rule + "'";
        }
        String regex = space < 0 ? "" : text.substring(space + 1).strip();
        if (regex.isEmpty()) {
            return "'" + verb + "' needs a pattern after it";
        }
        try {
            java.util.regex.Pattern.compile(regex);
            return null;
        } catch (java.util.regex.PatternSyntaxException e) {
            return "bad pattern '" + regex + "': " + e.getDescription();
        }
    }

    private SipSettings.Calls calls(YamlMap m) {
        YamlMap c = sub(m, SIP_CALLS, "sip.calls");
        return new SipSettings.Calls(c.whole(CALLS_KEEPALIVE) * 1000L, c.whole(CALLS_RTP_TIMEOUT) * 1000L,
                c.whole(CALLS_DIAL_TIMEOUT) * 1000L);
    }

    private SipSettings.Media media(YamlMap m) {
        YamlMap d = sub(m, SIP_MEDIA, "sip.media");
        int first = d.whole(MEDIA_RTP_PORT_FIRST);
        int last = d.whole(MEDIA_RTP_PORT_LAST);
        if (first % 2 != 0) {
            problems.add(d.at(MEDIA_RTP_PORT_FIRST), "rtpPortFirst must be even (RTP on even ports, RTCP above), got "
                    + first);
            first = first - 1;
        }
        if (last < first + 1) {
            problems.add(d.at(MEDIA_RTP_PORT_LAST), "rtpPortLast (" + last + ") must be above rtpPortFirst (" + first
                    + ") so the range holds at least one RTP/RTCP pair");
            last = first + 1;
        }
        Path music = path(d, MEDIA_MUSIC_ON_HOLD, false);
        Path prompts = path(d, MEDIA_PROMPTS_DIRECTORY, true);
        if (prompts != null) {
            checkPrompts(d, prompts);
        }
        return new SipSettings.Media(first, last, d.whole(MEDIA_NO_MEDIA_TIMEOUT) * 1000L, music, prompts,
                d.whole(MEDIA_ANNOUNCE_INTERVAL) * 1000L);
    }

    /**
     * Every WAV file of the prompts directory must be a prompt call control can play (8 kHz mono, readable); each
     * one that is not is a problem of its own at the setting. Which names are prompts is checked by call control.
     */
    private void checkPrompts(YamlMap d, Path directory) {
        List<Path> files = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> wavs = Files.newDirectoryStream(directory, "*.wav")) {
            wavs.forEach(files::add);
        } catch (java.io.IOException e) {
            problems.add(d.at(MEDIA_PROMPTS_DIRECTORY), "cannot list " + directory + ": " + e.getMessage());
            return;
        }
        files.sort(null);
        for (Path file : files) {
            try {
                dev.acd.core.audio.PromptWav.read(file);
            } catch (java.io.IOException e) {
                problems.add(d.at(MEDIA_PROMPTS_DIRECTORY), e.getMessage());
            }
        }
    }

    /** A file or directory named relative to the YAML file; it must exist when the YAML file is on disk. */
    private Path path(YamlMap d, dev.acd.config.Setting setting, boolean directory) {
        String text = d.text(setting);
        if (text == null) {
            return null;
        }
        Path path;
        try {
            path = source instanceof Source.FileSource file ? file.path().resolveSibling(text) : Path.of(text);
        } catch (InvalidPathException e) {
            problems.add(d.at(setting), "expected a " + (directory ? "directory" : "file") + " path, got '" + text + "'");
            return null;
        }
        if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            problems.add(d.at(setting), (directory ? "directory '" : "file '") + text + "' not found (looked for "
                    + path + ")");
            return null;
        }
        return path;
    }

    private static YamlMap sub(YamlMap m, dev.acd.config.Setting setting, String section) {
        YamlMap sub = m.section(setting, section);
        return sub == null ? m.emptySection(m.child(setting.key()), section) : sub;
    }

    /** Why an allow-list entry is not an address or CIDR network, or null when it is one. */
    static String networkProblem(String entry) {
        String text = entry.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (!IP_LITERAL.matcher(host).matches()) {
            return "expected an IP address or network such as 203.0.113.0/24 (no host names), got '" + entry + "'";
        }
        int max = host.contains(":") ? 128 : 32;
        if (!host.contains(":")) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return "'" + entry + "' is not an IPv4 address: " + part + " is above 255";
                }
            }
        }
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                return "the prefix length of '" + entry + "' must be 0-" + max;
            }
        }
        return null;
    }

    private static boolean isIpAndPort(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                return false;
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                return false;
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        return IP_LITERAL.matcher(host).matches() && networkProblem(host) == null && port.matches("[0-9]{1,5}")
                && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
    }
}
