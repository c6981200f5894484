package dev.acd.core.journal;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.MenuChosen;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.PassedOverWhy;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.core.event.Rule;
import dev.acd.core.event.SourceBlocked;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.Trigger;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.Segment;
import dev.acd.core.model.TierScope;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    @Test
    void shouldHaveASampleForEveryEventTypeSoANewEventWithoutACodecFailsHere() {
        Set<String> eventTypes = new TreeSet<>();
        collectConcreteTypes(Event.class, eventTypes);
        Set<String> sampled = new TreeSet<>();
        for (Event event : SampleEvents.all()) {
            sampled.add(event.getClass().getName());
        }
        Set<String> missing = new TreeSet<>(eventTypes);
        missing.removeAll(sampled);
        assertTrue(missing.isEmpty(), "event types with no sample (add one to SampleEvents and a codec to "
                + "EventCodec): " + missing);
        assertTrue(eventTypes.size() >= 27, "the sealed hierarchy walk found only " + eventTypes);
    }

    @Test
    void shouldRoundTripEverySampleEventThroughTheCodec() {
        for (Event event : SampleEvents.all()) {
            Bytes<?> bytes = Bytes.allocateElasticOnHeap();
            EventCodec.encode(event, bytes);
            long written = bytes.writePosition();
            Event decoded = EventCodec.decode(bytes);
            assertEquals(event, decoded, () -> "round trip of " + event);
            assertEquals(written, bytes.readPosition(), () -> "decoder did not consume exactly the record of " + event);
        }
    }

    @Test
    void shouldDecodeConsecutiveRecordsFromOneBuffer() {
        List<Event> events = SampleEvents.all();
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        for (Event event : events) {
            EventCodec.encode(event, bytes);
        }
        List<Event> decoded = new ArrayList<>();
        while (bytes.readRemaining() > 0) {
            decoded.add(EventCodec.decode(bytes));
        }
        assertEquals(events, decoded);
    }

    @Test
    void shouldKeepNullAndEmptyStringApartWhenDecoding() {
        CallArrived arrived = new CallArrived(SampleEvents.T0, 42, Direction.INBOUND, null, "", "+4940999000", "");
        CallArrived decoded = (CallArrived) roundTrip(arrived);
        assertNull(decoded.lineId());
        assertEquals("", decoded.from());
        assertEquals("", decoded.repId());
    }

    @Test
    void shouldRoundTripNullEnumsAndNullNestedParts() {
        CallEnded ended = new CallEnded(SampleEvents.T0, 7, null, null);
        assertEquals(ended, roundTrip(ended));
        RoutingModel noSettings = new RoutingModel(List.of(), List.of(), List.of(), List.of(), List.of(), null);
        ConfigChanged changed = new ConfigChanged(SampleEvents.T0, 3, "", noSettings);
        assertEquals(changed, roundTrip(changed));
    }

    @Test
    void shouldWriteTheDocumentedLayoutForCallAnswered() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        EventCodec.encode(new CallAnswered(1000, 300, "r1"), bytes);
        // version 1, tag 4, at 1000 = e8 07, callId 300 = ac 02, "r1" = length 2 then UTF-8.
        assertArrayEquals(new byte[] {1, 4, (byte) 0xe8, 0x07, (byte) 0xac, 0x02, 2, 'r', '1'}, bytes.toByteArray());
    }

    @Test
    void shouldRoundTripReachabilityAndSecurityEventsKeepingEveryField() {
        RepReachable reachable = new RepReachable(SampleEvents.T0, "ava.chen", "sip:ava.chen@198.51.100.7:61234");
        RepUnreachable unreachable = new RepUnreachable(SampleEvents.T0 + 5, "ava.chen", "expired");
        SourceBlocked blocked = new SourceBlocked(SampleEvents.T0 + 9, "203.0.113.9", "ava.chen",
                "5 failed authentications for the user in 60 s", SampleEvents.T0 + 600_009);
        assertEquals(reachable, roundTrip(reachable));
        assertEquals(unreachable, roundTrip(unreachable));
        assertEquals(blocked, roundTrip(blocked));
        SourceBlocked noUser = new SourceBlocked(SampleEvents.T0, "2001:db8::1", null, "x", Long.MAX_VALUE);
        assertNull(((SourceBlocked) roundTrip(noUser)).user());
        assertEquals(Long.MAX_VALUE, ((SourceBlocked) roundTrip(noUser)).untilMs());
    }

    @Test
    void shouldKeepTheOriginalModelLayoutWhenNoLineHasAMenuAndMarkItWhenOneHas() {
        byte[] plain = encode(new ConfigChanged(1, 1, "x", SampleEvents.model()));
        byte[] menus = encode(new ConfigChanged(1, 1, "x", SampleEvents.menuModel()));
        // version, tag 18, at 1, version 1, "x" (2 bytes), then the model's presence byte.
        assertEquals(1, plain[6], "a model without menus is written as before");
        assertEquals(2, menus[6], "a model with line menus is marked 2");
        ConfigChanged decoded = (ConfigChanged) roundTrip(new ConfigChanged(1, 1, "x", SampleEvents.menuModel()));
        assertEquals("q-renewals", decoded.model().lines().get(0).menu().queueFor('2'));
        assertNull(decoded.model().lines().get(2).menu());
    }

    @Test
    void shouldRejectAModelPresenceByteItDoesNotKnowNamingThePosition() {
        byte[] bytes = encode(new ConfigChanged(1, 1, "x", SampleEvents.model()));
        bytes[6] = 7;
        Bytes<?> in = Bytes.wrapForRead(bytes);
        JournalFormatException e = assertThrows(JournalFormatException.class, () -> EventCodec.decode(in));
        assertTrue(e.getMessage().contains("presence byte 7"), e.getMessage());
    }

    @Test
    void shouldWriteTheDocumentedLayoutForMenuChosen() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        EventCodec.encode(new MenuChosen(1000, 300, "2", "q"), bytes);
        assertArrayEquals(new byte[] {1, 26, (byte) 0xe8, 0x07, (byte) 0xac, 0x02, 1, '2', 1, 'q'},
                bytes.toByteArray());
    }

    @Test
    void shouldWriteTheDocumentedLayoutForRepUnreachable() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        EventCodec.encode(new RepUnreachable(1000, "r1", "expired"), bytes);
        assertArrayEquals(new byte[] {1, 21, (byte) 0xe8, 0x07, 2, 'r', '1', 7, 'e', 'x', 'p', 'i', 'r', 'e', 'd'},
                bytes.toByteArray());
    }

    @Test
    void shouldEncodeASmallEventInUnderTwentyBytes() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        EventCodec.encode(new CallAnswered(SampleEvents.T0, 1_000_001L, "rep-carl"), bytes);
        assertTrue(bytes.writePosition() <= 20, "CallAnswered took " + bytes.writePosition() + " bytes");
        Bytes<?> tick = Bytes.allocateElasticOnHeap();
        EventCodec.encode(new Tick(SampleEvents.T0), tick);
        assertEquals(8, tick.writePosition(), "a tick is version, tag and a 6-byte timestamp");
    }

    @Test
    void shouldWriteSetsAndMapsInSortedOrderSoEqualModelsGiveEqualBytes() {
        List<String> teams = List.of("team-a", "team-b", "team-c", "team-d", "team-e", "team-f", "team-g", "team-h");
        Segment segment = new Segment("s", "S", new LinkedHashSet<>(teams), 1);
        RoutingModel model = new RoutingModel(List.of(), List.of(segment), List.of(), List.of(), List.of(), null);
        String text = new String(encode(new ConfigChanged(1, 1, "x", model)), java.nio.charset.StandardCharsets.ISO_8859_1);
        int previous = -1;
        for (String team : teams) {
            int at = text.indexOf(team);
            assertTrue(at > previous, () -> team + " is not written after the teams sorted before it: " + text);
            previous = at;
        }
    }

    @Test
    void shouldRejectAnUnknownTagNamingTheTagAndPosition() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        bytes.writeByte((byte) 1).writeByte((byte) 99).writeStopBit(SampleEvents.T0);
        JournalFormatException e = assertThrows(JournalFormatException.class, () -> EventCodec.decode(bytes));
        assertTrue(e.getMessage().contains("unknown event tag 99"), e.getMessage());
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
    }

    @Test
    void shouldRejectAnUnsupportedFormatVersion() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        bytes.writeByte((byte) 2).writeByte((byte) 4);
        JournalFormatException e = assertThrows(JournalFormatException.class, () -> EventCodec.decode(bytes));
        assertTrue(e.getMessage().contains("unsupported journal format version 2"), e.getMessage());
    }

    @Test
    void shouldRejectEveryTruncationOfEverySampleNamingTheEventType() {
        for (Event event : SampleEvents.all()) {
            byte[] whole = encode(event);
            for (int length = 0; length < whole.length; length++) {
                Bytes<?> cut = Bytes.wrapForRead(Arrays.copyOf(whole, length));
                int shown = length;
                JournalFormatException e = assertThrows(JournalFormatException.class, () -> EventCodec.decode(cut),
                        () -> event + " cut to " + shown + " of " + whole.length + " bytes decoded anyway");
                if (length >= 2) {
                    assertTrue(e.getMessage().contains(event.getClass().getSimpleName()), e.getMessage());
                }
            }
        }
    }

    @Test
    void shouldRejectAnEnumCodeOutOfRangeNamingTheField() {
        byte[] bytes = encode(new CallEnded(SampleEvents.T0, 7, Party.REP, "BYE"));
        int endedBy = 2 + 6 + 1; // version, tag, 6-byte at, 1-byte callId
        assertEquals(Party.REP.ordinal() + 1, bytes[endedBy]);
        bytes[endedBy] = 9;
        JournalFormatException e = assertThrows(JournalFormatException.class,
                () -> EventCodec.decode(Bytes.wrapForRead(bytes)));
        assertTrue(e.getMessage().contains("endedBy"), e.getMessage());
        assertTrue(e.getMessage().contains("CallEnded (tag 8)"), e.getMessage());
    }

    @Test
    void shouldKeepEnumConstantOrderBecauseTheJournalStoresOrdinals() {
        // Reordering or removing a constant would silently change old journals' meaning: append new ones only.
        assertEquals(List.of("INBOUND", "OUTBOUND"), names(Direction.values()));
        assertEquals(List.of("NO_ANSWER", "REJECTED", "BUSY", "UNREACHABLE"), names(OfferFailure.values()));
        assertEquals(List.of("QUEUE", "REP", "NUMBER"), names(TransferTarget.values()));
        assertEquals(List.of("CUSTOMER", "REP", "SYSTEM"), names(Party.values()));
        assertEquals(List.of("OVERFLOW", "CALLBACK", "HANG_UP"), names(MaxWaitAction.values()));
        assertEquals(List.of("CALL_QUEUED", "REP_AVAILABLE", "TIER_WIDENED", "LIVE_WINDOW_OPENED", "REQUEUED"),
                names(Trigger.values()));
        assertEquals(List.of("ACCOUNT_OWNER", "OWNING_PARTNER", "HOME_TEAM", "SKILLED", "DIRECT"),
                names(Rule.values()));
        assertEquals(List.of("WEAKER_RULE", "NO_TERRITORY_MATCH", "LOWER_SKILL", "IDLE_SHORTER", "TIE_BREAK"),
                names(PassedOverWhy.values()));
        assertEquals(List.of("INSIDE", "FIELD", "PARTNER"), names(RepKind.values()));
        assertEquals(List.of("SOFTPHONE", "OUTSIDE_NUMBER", "SIP_URI"), names(ReachKind.values()));
        assertEquals(List.of("RELATIONSHIP", "HOME_TEAM", "SKILLED"), names(TierScope.values()));
        assertEquals(List.of("LOW_SCORE", "ONE_WAY_AUDIO", "LONG_DEAD_AIR"),
                names(dev.acd.core.event.QaReviewReason.values()));
        assertEquals(DayOfWeek.MONDAY, DayOfWeek.values()[0]);
    }

    @Test
    void shouldGiveDecisionsTagsFromThirtyTwoSoReplayCanSkipThem() {
        for (Event event : SampleEvents.all()) {
            int tag = EventCodec.tagOf(event.getClass());
            boolean decision = event instanceof dev.acd.core.event.Decision;
            assertEquals(decision, tag >= EventCodec.FIRST_DECISION_TAG, () -> event.getClass() + " has tag " + tag);
        }
    }

    private static Event roundTrip(Event event) {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        EventCodec.encode(event, bytes);
        return EventCodec.decode(bytes);
    }

    private static byte[] encode(Event event) {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        EventCodec.encode(event, bytes);
        return bytes.toByteArray();
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static void collectConcreteTypes(Class<?> type, Set<String> into) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collectConcreteTypes(sub, into);
            }
        } else {
            into.add(type.getName());
        }
    }
}
