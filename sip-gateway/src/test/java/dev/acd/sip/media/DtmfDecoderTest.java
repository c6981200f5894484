package dev.acd.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class DtmfDecoderTest {
    private static char feed(DtmfDecoder d, long ts, int event, boolean end, int duration) {
        ByteBuf b = Unpooled.buffer();
        TelephoneEvent.write(b, event, end, 10, duration);
        return d.onPacket(ts, b, 0, b.readableBytes());
    }

    @Test
    void shouldReportADigitOnceAtItsFirstEndPacket() {
        DtmfDecoder d = new DtmfDecoder();
        assertEquals(0, feed(d, 1000, 11, false, 160));
        assertEquals(0, feed(d, 1000, 11, false, 320));
        assertEquals('#', feed(d, 1000, 11, true, 800));
        assertEquals(0, feed(d, 1000, 11, true, 800));
        assertEquals(0, feed(d, 1000, 11, true, 800));
        assertEquals(100, d.lastDurationMs());
    }

    @Test
    void shouldReportTheSameDigitAgainWhenItIsANewKeyPress() {
        DtmfDecoder d = new DtmfDecoder();
        assertEquals('7', feed(d, 1000, 7, true, 800));
        assertEquals('7', feed(d, 2000, 7, true, 800));
    }

    @Test
    void shouldIgnoreEventsThatAreNotDtmfDigits() {
        DtmfDecoder d = new DtmfDecoder();
        assertEquals(0, feed(d, 1000, 16, true, 800)); // flash
    }
}
