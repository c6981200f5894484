package dev.acd.core.journal;

/** A journal record could not be decoded: unknown tag or version, truncated, or a field out of range. */
public final class JournalFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalFormatException(String message) {
        super(message);
    }

    public JournalFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
