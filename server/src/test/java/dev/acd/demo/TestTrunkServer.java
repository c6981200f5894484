package dev.acd.demo;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transport.SipTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.message.Request;

/**
 * The server's trunk side as the customers see it: answers every INVITE at once with SDP and a talking voice (as the
 * server answers and plays music), and records what it got and how each call ended.
 */
final class TestTrunkServer implements DialogListener, AutoCloseable {
    final DemoNetwork network;
    final List<String> requestUris = new CopyOnWriteArrayList<>();
    final List<String> callers = new CopyOnWriteArrayList<>();
    final List<String> endings = new CopyOnWriteArrayList<>();
    final List<Dialog> dialogs = new CopyOnWriteArrayList<>();
    final List<CallMedia> media = new CopyOnWriteArrayList<>();

    TestTrunkServer() {
        int rtp = DemoRepsTest.rtpBase();
        network = DemoNetwork.start("test-trunk", rtp, rtp + 19);
        network.stack().register("INVITE", this::onInvite);
    }

    private void onInvite(ServerTransaction tx, SipMessage invite, java.net.InetSocketAddress remote,
            SipTransport transport) {
        requestUris.add(((Request) invite.raw()).getRequestURI().toString());
        callers.add(invite.raw().getFrom().getAddress().getURI().toString());
        // Media opens on another loop, maybe this one: wait for it without blocking, then answer on the INVITE's loop.
        network.openMedia(new SplittableRandom(5), 180, true).whenComplete((opened, failure) ->
                tx.context().layer().execute(() -> answer(tx, invite, opened, failure)));
    }

    private void answer(ServerTransaction tx, SipMessage invite, CallMedia opened, Throwable failure) {
        if (failure != null) {
            tx.respond(SipResponses.create(invite, 503, "no RTP port: " + failure.getMessage()));
            return;
        }
        SipMessage ok = SipResponses.create(invite, 200, null);
        try {
            ok.raw().setContent(opened.answer(new String(invite.raw().getRawContent(), StandardCharsets.UTF_8),
                    MediaDirection.SENDRECV), SipFactories.headers().createContentTypeHeader("application", "sdp"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        media.add(opened);
        dialogs.add(network.stack().core().answer(tx, ok, this));
        opened.talk();
    }

    @Override
    public void onTerminated(Dialog dialog, String reason) {
        endings.add(reason);
    }

    long voiceFramesHeard() {
        return media.stream().mapToLong(CallMedia::voiceFramesHeard).sum();
    }

    @Override
    public void close() {
        media.forEach(CallMedia::close);
        network.close();
    }
}
