package dev.acd.core.event;

import dev.acd.core.model.RoutingModel;

/**
 * A configuration took effect. It carries the whole routing model, so the journal alone rebuilds the router.
 *
 * @param version increases with each change
 * @param source  where it came from (a file path, "embedded default", "api")
 */
public record ConfigChanged(long at, long version, String source, RoutingModel model) implements Event {
}
