package dev.acd.core.event;

/**
 * A fact that happened, with the time it happened at. The journal stores events in order; statistics and the
 * router are functions of them. Nothing downstream reads a clock: time is {@link #at()}.
 *
 * <p>This is the one list of all events. Inputs come from the SIP gateway, the API and the simulator;
 * {@link Decision}s are made by the router.
 */
public sealed interface Event permits
        CallArrived, CallClassified, OfferFailed, CallAnswered, CallHeld, CallResumed, CallTransferred, CallEnded,
        CallAbandoned, CallbackRequested,
        RepLoggedIn, RepLoggedOut, RepReady, RepNotReady, RepReachable, RepUnreachable,
        DispositionRecorded, RecordingReady, QaScored, QaReviewRequested, QaRated, ConfigChanged, Tick, SourceBlocked,
        MediaFailed, MenuChosen,
        Decision {

    /** When it happened, in milliseconds since the epoch. */
    long at();
}
