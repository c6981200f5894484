package dev.acd.config;

import java.nio.file.Path;

/**
 * The Asterisk adapter's settings: the FastAGI routing service, the manager-interface (AMI) connection, the
 * bring-your-own-queue mode and the MixMonitor recordings directory. See docs/asterisk.md.
 *
 * @param fastAgiEnabled      whether the FastAGI routing service listens
 * @param fastAgiBind         the address it listens on ("0.0.0.0" for all)
 * @param fastAgiPort         its TCP port (4573 is FastAGI's usual port)
 * @param maxWaitingCalls     AGI calls waiting in our queues at once; each pins one thread (asterisk-java's FastAGI
 *                            is blocking), so past this the route script refuses with {@code ACD_STATUS=FULL}
 * @param trunkDialPattern    dial string for reps reached at an outside number; {@code {number}} is replaced by it
 * @param amiEnabled          whether to connect to the manager interface
 * @param amiHost             the manager interface host
 * @param amiPort             its TCP port
 * @param amiUser             the manager user (manager.conf section name)
 * @param amiSecret           its secret
 * @param bringYourOwnQueue   translate app_queue's events into ours, for sites that keep Asterisk's own queues
 * @param recordingsDirectory where MixMonitor writes finished recordings to be picked up, or null for none
 */
public record AsteriskSettings(boolean fastAgiEnabled, String fastAgiBind, int fastAgiPort, int maxWaitingCalls,
                               String trunkDialPattern, boolean amiEnabled, String amiHost, int amiPort,
                               String amiUser, String amiSecret, boolean bringYourOwnQueue, Path recordingsDirectory) {
    /** The placeholder {@link #trunkDialPattern()} must contain. */
    public static final String NUMBER_PLACEHOLDER = "{number}";

    /** Everything off: what a configuration without an {@code asterisk} section gets. */
    public static final AsteriskSettings OFF = new AsteriskSettings(false, "0.0.0.0", 4573, 200,
            "PJSIP/{number}@trunk", false, "localhost", 5038, null, null, false, null);

    @Override
    public String toString() {
        // The secret stays out of logs.
        return "AsteriskSettings[fastAgi=" + (fastAgiEnabled ? fastAgiBind + ":" + fastAgiPort : "off")
                + ", ami=" + (amiEnabled ? amiUser + "@" + amiHost + ":" + amiPort : "off")
                + ", bringYourOwnQueue=" + bringYourOwnQueue + ", recordings=" + recordingsDirectory + "]";
    }
}
