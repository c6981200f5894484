/** SIP messages: JAIN-SIP RI's parser and model used without its stack, wrapped so the headers we route on are read once. */
package dev.acd.sip.message;
