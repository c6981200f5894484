package dev.acd.core.command;

/** An instruction from the router to call control (the SIP gateway, the simulator, the Asterisk adapter). */
public sealed interface Command permits OfferCall, CancelOffer, OfferCallback, HangUpCall {
    long callId();
}
