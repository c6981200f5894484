package dev.acd.sip.transaction;

/**
 * What the transaction layers did since start and hold now, for metrics; read from any thread, so a snapshot may be
 * a message behind.
 *
 * @param liveServer      server transactions not yet terminated
 * @param liveClient      client transactions not yet terminated
 * @param serverStarted   server transactions created for new requests (RFC 3261 section 17.2)
 * @param clientStarted   client transactions created for requests we sent (section 17.1)
 * @param timedOut        client transactions that got no final response (Timer B or F) plus INVITE server
 *                        transactions whose ACK never came (Timer H)
 * @param sent4xx         final 4xx responses our server transactions sent (challenges 401/407 included)
 * @param sent5xx         final 5xx responses sent
 * @param sent6xx         final 6xx responses sent
 */
public record TransactionCounts(long liveServer, long liveClient, long serverStarted, long clientStarted,
        long timedOut, long sent4xx, long sent5xx, long sent6xx) {
    /** Nothing yet. */
    public static final TransactionCounts NONE = new TransactionCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of this and {@code other}: the counts of two layers together. */
    public TransactionCounts plus(TransactionCounts other) {
        return new TransactionCounts(liveServer + other.liveServer, liveClient + other.liveClient,
                serverStarted + other.serverStarted, clientStarted + other.clientStarted, timedOut + other.timedOut,
                sent4xx + other.sent4xx, sent5xx + other.sent5xx, sent6xx + other.sent6xx);
    }
}
