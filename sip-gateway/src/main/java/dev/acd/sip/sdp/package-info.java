/** SDP (RFC 4566) parsing and writing, and the offer/answer model (RFC 3264) for our G.711 audio legs. */
package dev.acd.sip.sdp;
