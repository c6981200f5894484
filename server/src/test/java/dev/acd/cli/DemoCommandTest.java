package dev.acd.cli;

import static dev.acd.cli.AcdCli.acd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.demo.RepAccount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void shouldStartTheServerSayWhatRunsAndStopCleanlyAfterItsDuration(@TempDir Path dir) {
        AcdCli.Run run = acd("demo", "--journal", dir.resolve("journal").toString(), "--duration", "1",
                "--sip-port", "0", "--http-port", "0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("acd demo: "), run.out());
        assertTrue(run.out().contains("speed x10"), run.out());
        // the simulated reps registered over SIP and logged in, and the last summary is printed on the way out
        assertTrue(run.out().contains(" logged in (1 logged in)"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("---- ") && l.contains(" offered ")), run.out());
    }

    @Test
    void shouldRefuseToLeaveOutAUserTheConfigurationDoesNotHave(@TempDir Path dir) {
        AcdCli.Run run = acd("demo", "--journal", dir.toString(), "--join-as", "nobody", "--duration", "1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--join-as nobody"), run.err());
    }

    @Test
    void shouldSimulateEveryInsideRepWithASoftphoneExceptTheOneLeftForARealPhone() throws Exception {
        AcdConfig config = ConfigLoader.loadDefault();

        List<RepAccount> accounts = DemoCommand.accounts(config, "ava.chen");

        assertEquals(13, accounts.size());
        assertFalse(accounts.stream().anyMatch(a -> a.user().equals("ava.chen")));
        assertFalse(accounts.stream().anyMatch(a -> a.user().equals("quinn.baker")), "partner reps stay out");
        assertTrue(accounts.contains(new RepAccount("ben.okafor", "demo-ben.okafor", "ben.okafor")));
    }
}
