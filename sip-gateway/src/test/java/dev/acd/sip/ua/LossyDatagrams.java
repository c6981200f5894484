package dev.acd.sip.ua;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test-only handler put first in a UDP pipeline: drops the first datagram each way that matches a rule (the first
 * INVITE in, the first 200 to an INVITE out), so only retransmissions can save the call.
 */
@ChannelHandler.Sharable
final class LossyDatagrams extends ChannelDuplexHandler {
    private final List<Predicate<String>> inboundRules = new CopyOnWriteArrayList<>();
    private final List<Predicate<String>> outboundRules = new CopyOnWriteArrayList<>();
    final List<String> dropped = new CopyOnWriteArrayList<>();

    LossyDatagrams dropFirstInbound(Predicate<String> rule) {
        inboundRules.add(rule);
        return this;
    }

    LossyDatagrams dropFirstOutbound(Predicate<String> rule) {
        outboundRules.add(rule);
        return this;
    }

    /**
     * Puts this first in every socket's pipeline (one per event loop) and returns once it is in force. Added from
     * another thread, a handler is skipped until its event loop has run handlerAdded, and a datagram read before that
     * would slip by.
     */
    LossyDatagrams installOn(List<Channel> sockets) throws Exception {
        for (Channel channel : sockets) {
            channel.eventLoop().submit(() -> channel.pipeline().addFirst("loss", this)).get(5, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet && drop(inboundRules, packet)) {
            packet.release();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof DatagramPacket packet && drop(outboundRules, packet)) {
            packet.release();
            promise.setSuccess();
            return;
        }
        ctx.write(msg, promise);
    }

    private boolean drop(List<Predicate<String>> rules, DatagramPacket packet) {
        String text = packet.content().toString(StandardCharsets.UTF_8);
        for (Predicate<String> rule : rules) {
            if (rule.test(text) && rules.remove(rule)) {
                dropped.add(text.lines().findFirst().orElse(""));
                return true;
            }
        }
        return false;
    }
}
