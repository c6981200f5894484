package dev.acd.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digest hashes for softphone credentials, so the configuration never holds a plain password.
 * HA1 = H(username ":" realm ":" password), lowercase hex, as RFC 7616 section 3.4.2 defines A1 for the non
 * "-sess" algorithms (the same as RFC 2617 for MD5).
 */
public final class DigestHashes {
    private DigestHashes() {
    }

    /** HA1 of a rep's softphone credentials, in lowercase hex. Strings are encoded as UTF-8. */
    public static String ha1(DigestAlgorithm algorithm, String user, String realm, String password) {
        return hex(algorithm, user + ":" + realm + ":" + password);
    }

    /** H(data) in lowercase hex, UTF-8 encoded. */
    public static String hex(DigestAlgorithm algorithm, String data) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.javaName());
            return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm.javaName(), e);
        }
    }

    /**
     * Prints the credentials entry for a softphone: {@code DigestHashes USER REALM}, then the password is read from
     * the console without echo (or one line of standard input), so it stays out of the shell history.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DigestHashes USER REALM   (the password is read from the console or stdin)");
            System.exit(2);
        }
        String password;
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password for %s@%s: ", args[0], args[1]);
            password = typed == null ? "" : new String(typed);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        System.out.println("- user: " + args[0]);
        System.out.println("  md5: " + ha1(DigestAlgorithm.MD5, args[0], args[1], password));
        System.out.println("  sha256: " + ha1(DigestAlgorithm.SHA_256, args[0], args[1], password));
    }
}
