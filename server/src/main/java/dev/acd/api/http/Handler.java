package dev.acd.api.http;

/** Answers one route. Throws {@link ApiException} to refuse; runs on an API worker thread, so it may block briefly. */
@FunctionalInterface
public interface Handler {
    Reply handle(Exchange exchange) throws Exception;
}
