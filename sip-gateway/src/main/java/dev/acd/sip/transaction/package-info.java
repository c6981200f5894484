/** RFC 3261 section 17 transactions as explicit state machines driven by an injected scheduler. */
package dev.acd.sip.transaction;
