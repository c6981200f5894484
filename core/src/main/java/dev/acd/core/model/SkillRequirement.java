package dev.acd.core.model;

/** A skill a call needs, and the lowest level (1-10) a rep must have in it. */
public record SkillRequirement(String skill, int minLevel) {
}
