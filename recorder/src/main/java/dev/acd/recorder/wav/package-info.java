/** Streaming reading and writing of WAV recordings (RIFF/WAVE: 16-bit PCM, G.711 u-law and A-law), a block at a time. */
package dev.acd.recorder.wav;
