/** Spoken prompts: the fragments callers hear, the built-in English set, and announcements composed from them. */
package dev.acd.sip.prompt;
