/** Writing a live call's recording: stereo WAV (customer left, rep right), off the call's event loop. */
package dev.acd.recorder.capture;
