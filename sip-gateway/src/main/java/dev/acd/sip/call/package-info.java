/** B2BUA call control: inbound trunk calls queued with music and offered to reps, reps' outbound calls, hold, transfer. */
package dev.acd.sip.call;
