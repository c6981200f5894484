package dev.acd.sip.call;

/**
 * Tells the server which call control owns a call, so the router's commands for it come here: the server adapts it
 * to its command routing ({@code routing.claim(callId, "sip")}). Called on call loops; must not block.
 */
public interface CallOwnership {
    /** The call is ours; called before its first event is published. */
    void claim(long callId);

    /** The call is over (or left the center); its commands may be dropped. */
    void release(long callId);

    /** Claims nothing (a gateway that is the only call control). */
    CallOwnership NONE = new CallOwnership() {
        @Override
        public void claim(long callId) {
        }

        @Override
        public void release(long callId) {
        }
    };
}
