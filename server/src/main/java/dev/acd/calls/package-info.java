/** What the server plugs into SIP call control: recordings on disk, sounds from WAV files. */
package dev.acd.calls;
