/** The FastAGI routing service: the scripts an Asterisk dialplan calls to hand a call to our router and report the dial. */
package dev.acd.asterisk.agi;
