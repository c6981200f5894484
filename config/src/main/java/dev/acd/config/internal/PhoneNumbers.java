package dev.acd.config.internal;

import java.util.regex.Pattern;

import dev.acd.core.call.CustomerDirectory;

/** What we accept as a phone number in configuration: digits with the usual separators, at least three digits. */
final class PhoneNumbers {
    private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final int MIN_DIGITS = 3;

    private PhoneNumbers() {
    }

    static boolean isValid(String number) {
        return ALLOWED.matcher(number).matches() && CustomerDirectory.digits(number).length() >= MIN_DIGITS;
    }

    static String expectation(String number) {
        return "expected a phone number of digits with optional +, spaces, dashes, dots or parentheses, got '" + number + "'";
    }
}
