/** RTP media for call legs (RFC 3550, 3551, 4733): endpoints, the relay between two legs, G.711 transcoding, DTMF, the player for music on hold and prompts. */
package dev.acd.sip.media;
