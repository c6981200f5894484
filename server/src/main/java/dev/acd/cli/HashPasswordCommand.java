package dev.acd.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.acd.config.DigestHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acd hash-password USER}: the digest hashes a softphone's credentials entry stores instead of a password. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Asks for a softphone password (without echo; or reads one line from standard input) and prints "
                + "the credentials.softphones entry with its MD5 and SHA-256 digest hashes (RFC 7616 HA1).")
final class HashPasswordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "USER", description = "the SIP user name the softphone registers as")
    String user;
    @Option(names = "--realm", required = true, description = "the configured credentials.realm")
    String realm;

    @Override
    public Integer call() throws IOException {
        String password;
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password for %s@%s: ", user, realm);
            password = typed == null ? "" : new String(typed);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("no password given");
        }
        spec.commandLine().getOut().print(DigestHashes.softphoneEntry(user, realm, password));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
