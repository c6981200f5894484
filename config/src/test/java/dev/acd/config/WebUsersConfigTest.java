package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebUsersConfigTest {
    private static final String HASH = WebPasswords.hash("demo", WebPasswords.MIN_ITERATIONS);

    @TempDir
    Path dir;

    @Test
    void shouldLoadUsersWithTheirRolesAndTheRepOfARepUser() throws Exception {
        AcdConfig config = load(String.join("\n",
                "users:",
                "  - { name: sue, role: SUPERVISOR, pbkdf2: \"" + HASH + "\" }",
                "  - { name: anna, role: REP, rep: anna, pbkdf2: \"" + HASH + "\" }",
                ""));
        WebUser anna = config.user("anna").orElseThrow();
        assertEquals(WebRole.REP, anna.role());
        assertEquals("anna", anna.repId());
        assertFalse(anna.supervises());
        assertTrue(config.user("sue").orElseThrow().supervises());
        assertTrue(WebPasswords.verify("demo", anna.passwordHash()));
        assertFalse(anna.toString().contains(HASH), "the hash stays out of logs");
    }

    @Test
    void shouldHaveNoUsersWhenTheSectionIsAbsent() throws Exception {
        assertEquals(List.of(), load("").users());
    }

    @Test
    void shouldRefuseARepUserWithoutItsRepAndAnUnknownRep() throws IOException {
        List<ConfigProblem> problems = problems(String.join("\n",
                "users:",
                "  - { name: anna, role: REP, pbkdf2: \"" + HASH + "\" }",
                "  - { name: bob, role: REP, rep: bob, pbkdf2: \"" + HASH + "\" }",
                ""));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("users[0]", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("needs rep"), problems.get(0).message());
        assertEquals("users[1].rep", problems.get(1).path());
        assertTrue(problems.get(1).message().contains("bob"), problems.get(1).message());
    }

    @Test
    void shouldRefuseAPlainPasswordAndARepOnASupervisor() throws IOException {
        List<ConfigProblem> problems = problems(String.join("\n",
                "users:",
                "  - { name: sue, role: SUPERVISOR, rep: anna, pbkdf2: hunter2 }",
                ""));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("users[0].pbkdf2")
                && p.message().contains("not a plain password") && !p.message().contains("hunter2")));
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("users[0].rep")));
    }

    @Test
    void shouldRefuseTwoUsersOfTheSameName() throws IOException {
        List<ConfigProblem> problems = problems(String.join("\n",
                "users:",
                "  - { name: sue, role: SUPERVISOR, pbkdf2: \"" + HASH + "\" }",
                "  - { name: sue, role: ADMIN, pbkdf2: \"" + HASH + "\" }",
                ""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("duplicate user 'sue'"), problems.get(0).message());
    }

    private AcdConfig load(String users) throws Exception {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, ConfigValidationTest.VALID + users, StandardCharsets.UTF_8);
        return ConfigLoader.load(file);
    }

    private List<ConfigProblem> problems(String users) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, ConfigValidationTest.VALID + users, StandardCharsets.UTF_8);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).problems();
    }
}
