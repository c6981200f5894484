package dev.acd.sip.registrar;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.TransactionScheduler;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pings every binding with OPTIONS each interval and removes one after the allowed number of consecutive pings
 * with no answer at all (a client transaction timeout, or a send that failed). Any response, even an error, proves
 * the phone is there. A binding is not pinged again while its last ping is unanswered. Ticks run on the scheduler's
 * thread; answers come on the transactions' event loops.
 */
final class OptionsPings {
    private final BindingTable table;
    private final RequestSender sender;
    private final TransactionScheduler scheduler;
    private final long intervalMs;
    private final OptionsRequests requests = new OptionsRequests();
    private final LongAdder sent = new LongAdder();
    private final LongAdder missed = new LongAdder();
    private TransactionScheduler.Cancellable next;
    private boolean stopped;

    OptionsPings(BindingTable table, RequestSender sender, TransactionScheduler scheduler, long intervalMs) {
        this.table = table;
        this.sender = sender;
        this.scheduler = scheduler;
        this.intervalMs = intervalMs;
    }

    synchronized void start() {
        if (intervalMs > 0 && next == null && !stopped) {
            next = scheduler.schedule(intervalMs, this::tick);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    long sent() {
        return sent.sum();
    }

    long missed() {
        return missed.sum();
    }

    private void tick() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            next = scheduler.schedule(intervalMs, this::tick);
        }
        for (BindingTable.PingTarget target : table.claimPingTargets()) {
            ping(target);
        }
    }

    private void ping(BindingTable.PingTarget target) {
        BindingTable.Entry entry = target.entry();
        ClientTransactionUser user = new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
                if (response.statusCode() >= 200) {
                    table.pingAnswered(entry);
                }
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                missed.increment();
                table.pingMissed(entry);
            }
        };
        try {
            SipMessage options = requests.ping(target.uri(), sender.localAddress(target.transport()),
                    target.transport());
            sender.send(options, target.source(), target.transport(), user);
            sent.increment();
        } catch (RuntimeException e) {
            missed.increment();
            table.pingMissed(entry);
        }
    }
}
