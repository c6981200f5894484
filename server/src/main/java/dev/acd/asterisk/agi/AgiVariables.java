package dev.acd.asterisk.agi;

/** The channel variables the scripts read and set; the dialplan in docs/asterisk.md branches on them. */
public final class AgiVariables {
    /** Our call id; set by route, read by result, answered and callback. */
    public static final String CALL_ID = "ACD_CALL_ID";
    /** The rep the call is offered to. */
    public static final String REP_ID = "ACD_REP_ID";
    /** The Dial() string for that rep. */
    public static final String DIAL = "ACD_DIAL";
    /** Seconds to ring the rep, the queue's ring timeout. */
    public static final String RING_TIMEOUT = "ACD_RING_TIMEOUT";
    /** What route decided: one of the {@code STATUS_} values. */
    public static final String STATUS = "ACD_STATUS";
    /** Why, for ERROR, HANGUP and FULL, in words for the log. */
    public static final String REASON = "ACD_REASON";
    /** What result tells the dialplan to do next: {@link #NEXT_ROUTE} or {@link #NEXT_DONE}. */
    public static final String NEXT = "ACD_NEXT";
    /** Asterisk's outcome of Dial(). */
    public static final String DIALSTATUS = "DIALSTATUS";

    /** A rep was chosen: Dial(${ACD_DIAL},${ACD_RING_TIMEOUT}). */
    public static final String STATUS_OFFER = "OFFER";
    /** Too many calls wait already (maxWaitingCalls); the dialplan falls back (voicemail, Asterisk queue). */
    public static final String STATUS_FULL = "FULL";
    /** The router ended the wait (max wait reached); the dialplan plays a goodbye and hangs up. */
    public static final String STATUS_HANGUP = "HANGUP";
    /** The router offers the caller a callback; the dialplan asks, then calls callback or loops to route. */
    public static final String STATUS_CALLBACK = "CALLBACK";
    /** The request was wrong (unknown line, unknown call); ACD_REASON says what. */
    public static final String STATUS_ERROR = "ERROR";
    /** The adapter is stopping; the dialplan falls back. */
    public static final String STATUS_UNAVAILABLE = "UNAVAILABLE";
    /** result: the offer failed, go back to route (the call is at the head of its queue). */
    public static final String NEXT_ROUTE = "ROUTE";
    /** result: the call is over for us. */
    public static final String NEXT_DONE = "DONE";

    private AgiVariables() {
    }
}
