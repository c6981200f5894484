package dev.acd.config;

/**
 * Where the HTTP API and web pages listen.
 *
 * @param enabled      whether they are served
 * @param bind         the address listened on
 * @param port         the TCP port (0: any free one)
 * @param sessionHours how long a login lasts without use
 */
public record HttpSettings(boolean enabled, String bind, int port, int sessionHours) {
    /** Every default: on, 0.0.0.0:8080, 8-hour sessions. */
    public static final HttpSettings DEFAULT = new HttpSettings(true, "0.0.0.0", 8080, 8);

    /** The same on another address and port (the demo's --http-port, tests' port 0). */
    public HttpSettings listeningOn(String address, int newPort) {
        return new HttpSettings(enabled, address, newPort, sessionHours);
    }
}
