package dev.acd.sip.transport;

import dev.acd.sip.message.FailureKind;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipMessageParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Cuts a TCP byte stream into messages (RFC 3261 section 18.3): the header section ends at CRLFCRLF, then
 * Content-Length bytes of body (none when absent). CRLFCRLF between messages is a keep-alive ping
 * ({@link KeepAlivePing}); a lone CRLF is skipped. An oversized header section or body is emitted as a failed message
 * (answerable when its head says enough) and its bytes are skipped, so the connection stays in step. Never throws
 * on content. One instance per connection.
 */
public final class SipStreamDecoder extends ByteToMessageDecoder {
    private static final int NOT_FOUND = -1;
    private static final int BAD_VALUE = -2;

    private final SipMessageParser parser;
    /** Bytes still to throw away: the body of an oversized message. */
    private long bodyBytesToSkip;
    /** True while throwing away an oversized header section up to its blank line. */
    private boolean skippingHeaders;
    /** Length of the frame at the reader index once its headers are found, so a slow body does not rescan them. */
    private int pendingFrameBytes = -1;
    /** Bytes at the reader index already searched for the blank line, so a trickled header is scanned once. */
    private int scannedBytes;

    public SipStreamDecoder(SipMessageParser parser) {
        this.parser = parser;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (bodyBytesToSkip > 0) {
            int skip = (int) Math.min(bodyBytesToSkip, in.readableBytes());
            in.skipBytes(skip);
            bodyBytesToSkip -= skip;
            return;
        }
        if (skippingHeaders) {
            skipOversizedHeaders(in);
            return;
        }
        if (pendingFrameBytes >= 0) {
            readFrame(ctx, in, out);
            return;
        }
        if (startsWith(in, "\r\n\r\n")) {
            in.skipBytes(4);
            scannedBytes = 0;
            out.add(KeepAlivePing.INSTANCE);
            return;
        }
        if (startsWith(in, "\r\n") && in.readableBytes() >= 3 && in.getByte(in.readerIndex() + 2) != '\r') {
            in.skipBytes(2);
            scannedBytes = 0;
            return;
        }
        int start = in.readerIndex();
        int searchable = Math.min(in.readableBytes(), parser.maxHeaderBytes());
        // three bytes of overlap: the blank line may straddle what was searched and what just arrived
        int headerEnd = indexOfBlankLine(in, start + Math.max(0, scannedBytes - 3), start + searchable);
        if (headerEnd < 0) {
            scannedBytes = searchable;
            if (in.readableBytes() > parser.maxHeaderBytes()) {
                byte[] head = ByteBufUtil.getBytes(in, start, parser.maxHeaderBytes());
                out.add(incoming(ctx, parser.failedFromHead(head, FailureKind.TOO_LARGE,
                        "header section exceeds " + parser.maxHeaderBytes() + " bytes")));
                skippingHeaders = true;
                scannedBytes = 0;
                skipOversizedHeaders(in);
            }
            return;
        }
        scannedBytes = 0;
        int headerBytes = headerEnd - start;
        int contentLength = contentLength(in, start, headerEnd);
        // A missing or unreadable Content-Length frames as no body; the parser then names the bad header.
        int bodyBytes = Math.max(contentLength, 0);
        if ((long) headerBytes + bodyBytes > parser.maxMessageBytes()) {
            byte[] head = ByteBufUtil.getBytes(in, start, headerBytes);
            out.add(incoming(ctx, parser.failedFromHead(head, FailureKind.TOO_LARGE,
                    "message of " + ((long) headerBytes + bodyBytes) + " bytes exceeds " + parser.maxMessageBytes()
                            + " bytes")));
            in.skipBytes(headerBytes);
            bodyBytesToSkip = bodyBytes;
            return;
        }
        pendingFrameBytes = headerBytes + bodyBytes;
        readFrame(ctx, in, out);
    }

    private void readFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < pendingFrameBytes) {
            return;
        }
        int length = pendingFrameBytes;
        byte[] frame = ReceiveBuffer.copyOf(in, in.readerIndex(), length);
        in.skipBytes(length);
        pendingFrameBytes = -1;
        out.add(incoming(ctx, parser.parse(frame, length)));
    }

    private void skipOversizedHeaders(ByteBuf in) {
        int end = indexOfBlankLine(in, in.readerIndex(), in.writerIndex());
        if (end >= 0) {
            in.readerIndex(end);
            skippingHeaders = false;
        } else {
            // keep the last three bytes: they may be the start of the blank line
            in.skipBytes(Math.max(0, in.readableBytes() - 3));
        }
    }

    private static IncomingMessage incoming(ChannelHandlerContext ctx, SipMessage message) {
        return new IncomingMessage(message, SipTransport.TCP, inet(ctx.channel().remoteAddress()),
                inet(ctx.channel().localAddress()), ctx.channel());
    }

    private static InetSocketAddress inet(java.net.SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    private static boolean startsWith(ByteBuf in, String text) {
        if (in.readableBytes() < text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (in.getByte(in.readerIndex() + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The index just past the first CRLFCRLF in [from, to), or -1. */
    static int indexOfBlankLine(ByteBuf in, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The Content-Length (or compact "l") value in the header section [from, to), NOT_FOUND or BAD_VALUE. */
    static int contentLength(ByteBuf in, int from, int to) {
        int lineStart = from;
        for (int i = from; i + 1 < to; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
                int value = headerValue(in, lineStart, i);
                if (value != NOT_FOUND) {
                    return value;
                }
                lineStart = i + 2;
            }
        }
        return NOT_FOUND;
    }

    private static int headerValue(ByteBuf in, int from, int to) {
        int colon = -1;
        for (int i = from; i < to; i++) {
            if (in.getByte(i) == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return NOT_FOUND;
        }
        String name = in.toString(from, colon - from, java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("l")) {
            return NOT_FOUND;
        }
        String value = in.toString(colon + 1, to - colon - 1, java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return BAD_VALUE;
        }
        return Integer.parseInt(value);
    }
}
