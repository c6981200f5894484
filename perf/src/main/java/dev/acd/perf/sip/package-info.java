/** SIP load measurements: the load target (stack, registrar, answering user agent), SIPp driver, helpers. */
package dev.acd.perf.sip;
