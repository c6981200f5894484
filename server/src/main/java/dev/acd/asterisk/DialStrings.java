package dev.acd.asterisk;

import dev.acd.config.AsteriskSettings;
import dev.acd.core.model.Reach;

/**
 * The Dial() string for a rep's reach: a softphone is a PJSIP endpoint named like the rep's SIP user, an outside
 * number goes out through the configured trunk pattern, a partner's SIP URI is dialled as a PJSIP URI.
 */
public final class DialStrings {
    private final String trunkPattern;

    public DialStrings(String trunkPattern) {
        if (!trunkPattern.contains(AsteriskSettings.NUMBER_PLACEHOLDER)) {
            throw new IllegalArgumentException("trunk dial pattern '" + trunkPattern + "' lacks "
                    + AsteriskSettings.NUMBER_PLACEHOLDER);
        }
        this.trunkPattern = trunkPattern;
    }

    public String dial(Reach reach) {
        return switch (reach.kind()) {
            case SOFTPHONE -> "PJSIP/" + reach.address();
            case OUTSIDE_NUMBER -> trunkPattern.replace(AsteriskSettings.NUMBER_PLACEHOLDER, reach.address());
            case SIP_URI -> "PJSIP/" + reach.address();
        };
    }
}
