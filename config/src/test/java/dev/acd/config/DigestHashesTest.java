package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestHashesTest {
    // RFC 7616 section 3.9.1: user "Mufasa", realm "http-auth@example.org", password "Circle of Life".
    private static final String USER = "Mufasa";
    private static final String REALM = "http-auth@example.org";
    private static final String PASSWORD = "Circle of Life";

    @Test
    void shouldHashTheRfc7616ExampleWithMd5() {
        assertEquals("3d78807defe7de2157e2b0b6573a855f", DigestHashes.ha1(DigestAlgorithm.MD5, USER, REALM, PASSWORD));
    }

    @Test
    void shouldHashTheRfc7616ExampleWithSha256() {
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
                DigestHashes.ha1(DigestAlgorithm.SHA_256, USER, REALM, PASSWORD));
    }

    @Test
    void shouldGiveTheResponsesPublishedInRfc7616FromTheseHashes() {
        // The RFC publishes responses, not HA1s; computing them from our HA1 ties our hashes to its text.
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", response(DigestAlgorithm.MD5));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response(DigestAlgorithm.SHA_256));
    }

    @Test
    void shouldFindAlgorithmsByTheirRfcNames() {
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.fromRfcName("sha-256").orElseThrow());
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.fromRfcName("MD5").orElseThrow());
        assertEquals(false, DigestAlgorithm.fromRfcName("SHA-512-256").isPresent());
    }

    private static String response(DigestAlgorithm algorithm) {
        String ha1 = DigestHashes.ha1(algorithm, USER, REALM, PASSWORD);
        String ha2 = algorithm.hex("GET:/dir/index.html");
        return algorithm.hex(ha1 + ":7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:"
                + "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:" + ha2);
    }
}
