package dev.acd.sip.defence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrunkPolicyTest {
    private final TrunkPolicy policy = TrunkPolicy.of(List.of("198.51.100.7", "203.0.113.0/24", "10.0.0.0/9",
            "2001:db8:5::/48"));

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAllowListedAddressesAndNetworksOnly() {
        assertTrue(policy.allows(ip("198.51.100.7")));
        assertFalse(policy.allows(ip("198.51.100.8")));
        assertTrue(policy.allows(ip("203.0.113.254")));
        assertFalse(policy.allows(ip("203.0.114.1")));
        assertTrue(policy.allows(ip("10.127.255.255")));
        assertFalse(policy.allows(ip("10.128.0.0")));
        assertTrue(policy.allows(ip("2001:db8:5:ffff::1")));
        assertFalse(policy.allows(ip("2001:db8:6::1")));
    }

    @Test
    void shouldAllowNothingWhenTheListIsEmpty() {
        assertFalse(TrunkPolicy.of(List.of()).allows(ip("127.0.0.1")));
    }

    @Test
    void shouldRefuseHostNamesAndBadPrefixesNamingTheEntry() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> TrunkPolicy.of(List.of("198.51.100.7", "sbc.carrier.example")));
        assertTrue(name.getMessage().contains("entry 2 'sbc.carrier.example'"), name.getMessage());
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> TrunkPolicy.of(List.of("203.0.113.0/33")));
        assertTrue(prefix.getMessage().contains("prefix length must be 0-32"), prefix.getMessage());
    }
}
