/** QA analysis of a stereo call recording: voice activity per channel, conversation measures, audio health. */
package dev.acd.recorder.analysis;
