package dev.acd.core.model;

import java.util.Objects;

/** Where a rep is rung: a kind and the address that kind uses. */
public record Reach(ReachKind kind, String address) {
    public Reach {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }
}
