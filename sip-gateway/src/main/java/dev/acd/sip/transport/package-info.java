/** Netty transports for SIP over UDP and TCP: framing, decoder/encoder pairs, the inbound handler and the listeners. */
package dev.acd.sip.transport;
