package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md stays true: its reference tables are the settings table, and its example loads. */
class ConfigurationDocsTest {
    // Surefire runs in the module directory.
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void shouldCarryTheReferenceGeneratedFromTheSettingsTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(SettingsReference.BEGIN);
        int end = doc.indexOf(SettingsReference.END);
        assertTrue(begin >= 0 && end > begin, "docs/configuration.md lacks the generated reference markers");
        assertEquals(SettingsReference.markdown(), doc.substring(begin, end + SettingsReference.END.length()) + "\n",
                "regenerate it: java -cp config/target/classes dev.acd.config.SettingsReference");
    }

    @Test
    void shouldLoadTheExampleInTheDocs(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Files.writeString(dir.resolve("acd.yaml"), example, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("customers.csv"), "id,name,numbers,segment\nc2,Eva Roth,+49 40 555 0123,smb\n",
                StandardCharsets.UTF_8);
        AcdConfig config = ConfigLoader.load(dir.resolve("acd.yaml"));
        assertEquals(2, config.customers().size());
        SoftphoneCredential anna = config.credentials().forUser("anna").orElseThrow();
        assertEquals(DigestHashes.ha1(DigestAlgorithm.MD5, "anna", "acd.example", "demo"), anna.md5Ha1());
        assertEquals(DigestHashes.ha1(DigestAlgorithm.SHA_256, "anna", "acd.example", "demo"), anna.sha256Ha1());
    }
}
