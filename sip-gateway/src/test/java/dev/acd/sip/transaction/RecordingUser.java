package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;
import java.util.ArrayList;
import java.util.List;

/** A transaction user that records what reached it. */
final class RecordingUser implements ClientTransactionUser, TransactionLayer.Core {
    final List<SipMessage> responses = new ArrayList<>();
    final List<SipMessage> requests = new ArrayList<>();
    final List<ServerTransaction> serverTransactions = new ArrayList<>();
    final List<SipMessage> strayAcks = new ArrayList<>();
    final List<SipMessage> strayResponses = new ArrayList<>();
    int clientTimeouts;
    int serverTimeouts;

    @Override
    public void onResponse(ClientTransaction transaction, SipMessage response) {
        responses.add(response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        clientTimeouts++;
    }

    @Override
    public void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context) {
        requests.add(request);
        serverTransactions.add(transaction);
    }

    @Override
    public void onTimeout(ServerTransaction transaction) {
        serverTimeouts++;
    }

    @Override
    public void onStrayAck(SipMessage ack, RequestContext context) {
        strayAcks.add(ack);
    }

    @Override
    public void onStrayResponse(SipMessage response, TransactionLayer layer) {
        strayResponses.add(response);
    }
}
