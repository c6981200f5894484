package dev.acd.perf.sip;

import dev.acd.sip.auth.Credential;
import dev.acd.sip.auth.CredentialStore;
import dev.acd.core.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory credential store of {@code count} generated softphone users for load runs: {@code user0000},
 * {@code user0001}, ... with password {@code pw-<user>}, each the softphone of its own rep ({@code rep-<n>}), with
 * MD5 and SHA-256 HA1 hashes. Also writes the same users as a SIPp injection file. Read-only once built.
 */
public final class LoadUsers implements CredentialStore {
    private final String realm;
    private final List<String> names;
    private final Map<String, Credential> byName;

    public LoadUsers(String realm, int count) {
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("load users: count must be 1 to 1,000,000, got " + count);
        }
        this.realm = realm;
        this.names = new ArrayList<>(count);
        this.byName = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String user = name(i);
            String a1 = user + ":" + realm + ":" + password(user);
            names.add(user);
            byName.put(user, new Credential(user, "rep-" + i, DigestAlgorithm.MD5.hex(a1),
                    DigestAlgorithm.SHA_256.hex(a1)));
        }
    }

    /** The user name of the {@code index}-th user: {@code user0000} and up (more digits past 9999). */
    public static String name(int index) {
        return String.format("user%04d", index);
    }

    /** The password of a generated user. */
    public static String password(String user) {
        return "pw-" + user;
    }

    @Override
    public String realm() {
        return realm;
    }

    @Override
    public Optional<Credential> find(String user) {
        return Optional.ofNullable(byName.get(user));
    }

    public int size() {
        return names.size();
    }

    /**
     * Writes the users as a SIPp injection file ({@code -inf}): {@code SEQUENTIAL}, then one line each,
     * {@code user;[authentication username=user password=pw-user];}, read in scenarios as {@code [field0]} (the
     * user) and {@code [field1]} (the Authorization header). SIPp does not expand fields inside its
     * {@code [authentication ...]} keyword, but it does expand a keyword that a field holds.
     */
    public void writeSippCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder(names.size() * 28).append("SEQUENTIAL\n");
        for (String user : names) {
            csv.append(user).append(";[authentication username=").append(user).append(" password=")
                    .append(password(user)).append("];\n");
        }
        Files.writeString(file, csv, StandardCharsets.US_ASCII);
    }
}
