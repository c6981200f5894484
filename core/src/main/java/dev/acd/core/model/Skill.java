package dev.acd.core.model;

/** A skill a call may require and a rep may have: a product line, a language, a kind of deal. */
public record Skill(String id, String name) {
}
