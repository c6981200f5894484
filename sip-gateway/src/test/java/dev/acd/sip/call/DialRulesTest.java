package dev.acd.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialRulesTest {
    private final DialRules rules = DialRules.of(List.of("deny ^\\+?1900", "allow ^\\+?1[2-9][0-9]{9}$"));

    @Test
    void shouldAllowNumberWhenFirstMatchingRuleAllows() {
        assertEquals(Optional.empty(), rules.refusal("+15551230000"));
    }

    @Test
    void shouldNameTheDenyingRuleWhenNumberIsDenied() {
        assertEquals(Optional.of("dial rule 1 'deny ^\\+?1900' refuses +19005550123"), rules.refusal("+19005550123"));
    }

    @Test
    void shouldRefuseNumberNoRuleMatches() {
        assertEquals(Optional.of("no dial rule allows 4420712345"), rules.refusal("4420712345"));
    }

    @Test
    void shouldNameRuleAndPositionWhenRuleIsMalformed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DialRules.of(List.of("allow .*", "permit 1900")));
        assertTrue(e.getMessage().startsWith("dial rule 2 'permit 1900'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DialRules.of(List.of("deny (")));
        assertTrue(e.getMessage().contains("dial rule 1") && e.getMessage().contains("bad pattern"), e.getMessage());
    }
}
