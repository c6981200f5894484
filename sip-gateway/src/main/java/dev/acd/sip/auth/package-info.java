/**
 * Digest authentication of SIP requests (RFC 7616, compatible with RFC 2617 and RFC 3261 section 22): challenges
 * offering SHA-256 and MD5 with qop=auth, stateless expiring nonces and nonce-count replay checks, verified against
 * stored HA1 hashes only.
 */
package dev.acd.sip.auth;
