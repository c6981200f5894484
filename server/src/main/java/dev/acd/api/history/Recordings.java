package dev.acd.api.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.acd.api.http.ApiException;
import dev.acd.api.http.Reply;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedNioFile;

/**
 * Serves a recording file as audio/wav, whole or one byte range (RFC 9110 section 14: {@code bytes=a-b},
 * {@code bytes=a-}, {@code bytes=-n}); several ranges are answered with the whole file, which the RFC allows, and
 * a range past the end with 416.
 */
public final class Recordings {
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int CHUNK_BYTES = 64 * 1024;

    private Recordings() {
    }

    public static Reply serve(Path file, String range) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("the recording file " + file.getFileName() + " is missing from the store");
        }
        long length = Files.size(file);
        long start = 0;
        long end = length - 1;
        boolean partial = false;
        if (range != null && !range.contains(",")) {
            Matcher m = SINGLE_RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                partial = true;
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    start = Math.max(0, length - suffix);
                } else {
                    start = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        end = Math.min(end, Long.parseLong(m.group(2)));
                    }
                }
                if (start >= length || start > end) {
                    HttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Unpooled.EMPTY_BUFFER);
                    refused.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length);
                    HttpUtil.setContentLength(refused, 0);
                    return new Reply.Written(refused, null);
                }
            }
        }
        long count = end - start + 1;
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                partial ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "audio/wav");
        head.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
        if (partial) {
            head.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
        }
        HttpUtil.setContentLength(head, count);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new Reply.Written(head, new HttpChunkedInput(new ChunkedNioFile(channel, start, count, CHUNK_BYTES)));
    }
}
