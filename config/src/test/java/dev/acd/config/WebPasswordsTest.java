package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebPasswordsTest {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P = "Password", S = "NaCl", c = 80000; the first 32 bytes of its DK.
    private static final String RFC_7914 = "pbkdf2-sha256$80000$TmFDbA$TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1Y";

    @Test
    void shouldVerifyThePublishedRfc7914Vector() {
        assertTrue(WebPasswords.verify("Password", RFC_7914));
        assertFalse(WebPasswords.verify("password", RFC_7914));
    }

    @Test
    void shouldVerifyItsOwnHashesAndSaltEachOneAfresh() {
        String first = WebPasswords.hash("s3cret", WebPasswords.MIN_ITERATIONS);
        String second = WebPasswords.hash("s3cret", WebPasswords.MIN_ITERATIONS);
        assertNotEquals(first, second);
        assertTrue(WebPasswords.verify("s3cret", first));
        assertTrue(WebPasswords.verify("s3cret", second));
        assertFalse(WebPasswords.verify("s3cret ", first));
    }

    @Test
    void shouldNameWhatIsWrongWithAMalformedHashWithoutEchoingIt() {
        assertTrue(WebPasswords.problem("hunter2").orElseThrow().contains("not a plain password"));
        assertTrue(WebPasswords.problem("pbkdf2-sha256$10$c2FsdA$a2V5").orElseThrow().contains("10 iterations"));
        assertTrue(WebPasswords.problem("pbkdf2-sha256$80000$TmFDbA").orElseThrow().contains("4 '$'-separated"));
        assertEquals(java.util.Optional.empty(), WebPasswords.problem(RFC_7914));
        assertFalse(WebPasswords.verify("anything", "pbkdf2-sha256$80000$TmFDbA$!!"));
    }
}
