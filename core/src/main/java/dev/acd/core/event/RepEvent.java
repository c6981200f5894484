package dev.acd.core.event;

/** An event about one rep. */
public interface RepEvent {
    String repId();
}
