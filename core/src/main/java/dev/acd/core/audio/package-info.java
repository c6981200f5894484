/** Telephone audio shared by the gateway (RTP media) and the recorder (WAV files): the G.711 codec. */
package dev.acd.core.audio;
