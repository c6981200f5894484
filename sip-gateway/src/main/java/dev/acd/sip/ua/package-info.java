/** The SIP user agent core (RFC 3261 section 8 and 13 above the transactions) and the {@link dev.acd.sip.ua.SipStack} facade. */
package dev.acd.sip.ua;
