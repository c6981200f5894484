package dev.acd.api;

/** What the API asks of the rest of the server beyond the journal: configuration reloads and the QA desk. */
public record ApiServices(ConfigReloader reloader, QaDesk qa) {
    /** Neither: reloads refused, no QA (tests of other endpoints). */
    public static final ApiServices NONE = new ApiServices(ConfigReloader.NONE, QaDesk.NONE);
}
