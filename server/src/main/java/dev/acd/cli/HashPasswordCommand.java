package dev.acd.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.acd.config.DigestHashes;
import dev.acd.config.WebPasswords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code acd hash-password USER}: the hashes a configuration stores instead of a password, for a softphone's
 * credentials entry (digest HA1) or, with {@code --web}, for a web user's entry (PBKDF2).
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Asks for a password (without echo; or reads one line from standard input) and prints the "
                + "configuration entry that stores it hashed: a credentials.softphones entry with its MD5 and SHA-256 "
                + "digest hashes (RFC 7616 HA1), or with --web a users entry with its PBKDF2 hash.")
final class HashPasswordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "USER", description = "the SIP user name the softphone registers as, or with --web the "
            + "web user's login name")
    String user;
    @Option(names = "--realm", description = "the configured credentials.realm (softphones only)")
    String realm;
    @Option(names = "--web", description = "hash a web user's password for the users section instead")
    boolean web;

    @Override
    public Integer call() throws IOException {
        if (web == (realm != null)) {
            throw new IllegalArgumentException(web ? "--realm is for softphones; a web user's hash has no realm"
                    : "--realm is required for a softphone (or give --web for a web user)");
        }
        String password;
        Console console = System.console();
        if (console != null) {
            char[] typed = web ? console.readPassword("password for web user %s: ", user)
                    : console.readPassword("password for %s@%s: ", user, realm);
            password = typed == null ? "" : new String(typed);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("no password given");
        }
        spec.commandLine().getOut().print(web ? WebPasswords.userEntry(user, password)
                : DigestHashes.softphoneEntry(user, realm, password));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
