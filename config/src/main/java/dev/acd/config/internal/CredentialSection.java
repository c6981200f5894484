package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.acd.core.digest.DigestAlgorithm;
import dev.acd.config.Setting;
import dev.acd.config.SoftphoneCredential;
import dev.acd.config.SoftphoneCredentials;

/** Reads softphone credentials: HA1 digest hashes only, each for a softphone user some rep is reached at. */
final class CredentialSection {
    private record Read(String user, String md5, String sha256) {
    }

    private final YamlMap top;
    private final Problems problems;
    private final References refs;
    private final List<Read> read = new ArrayList<>();
    private String realm = (String) REALM.defaultValue();

    CredentialSection(YamlMap top, References refs) {
        this.top = top;
        this.problems = top.problems();
        this.refs = refs;
    }

    void read() {
        YamlMap m = top.section(CREDENTIALS, "credentials");
        if (m == null) {
            return;
        }
        realm = ModelSection.orEmpty(m.text(REALM));
        for (YamlMap entry : m.maps(SOFTPHONES, "credentials.softphones[]")) {
            String user = entry.text(SOFTPHONE_USER);
            refs.define("softphone credential", user, entry.at(SOFTPHONE_USER));
            refs.expect("softphone user", user, entry.at(SOFTPHONE_USER),
                    "no rep is reached at softphone user '" + user + "'");
            String md5 = hash(entry, SOFTPHONE_MD5, DigestAlgorithm.MD5);
            String sha256 = hash(entry, SOFTPHONE_SHA256, DigestAlgorithm.SHA_256);
            if (!entry.has(SOFTPHONE_MD5) && !entry.has(SOFTPHONE_SHA256)) {
                problems.add(entry.self(), "a softphone needs md5 or sha256 (or both): the HA1 hash of user:realm:password");
            }
            read.add(new Read(user, md5, sha256));
        }
    }

    private String hash(YamlMap entry, Setting setting, DigestAlgorithm algorithm) {
        String text = entry.text(setting);
        if (text == null) {
            return null;
        }
        if (text.length() != algorithm.hexLength() || !text.matches("[0-9a-fA-F]+")) {
            // The value is not echoed: a wrong value here is often a password pasted in the wrong place.
            problems.add(entry.at(setting), "expected the " + algorithm.rfcName() + " HA1 as " + algorithm.hexLength()
                    + " hex digits, got " + text.length() + " characters that are not one (a plain password? hash it: "
                    + "see docs/configuration.md, \"Softphone passwords\")");
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    SoftphoneCredentials credentials(Map<String, String> repsBySoftphoneUser) {
        List<SoftphoneCredential> softphones = new ArrayList<>();
        for (Read r : read) {
            softphones.add(new SoftphoneCredential(ModelSection.orEmpty(r.user()), repsBySoftphoneUser.get(r.user()),
                    r.md5(), r.sha256()));
        }
        return new SoftphoneCredentials(realm, softphones);
    }
}
