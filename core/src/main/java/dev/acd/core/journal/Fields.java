package dev.acd.core.journal;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.nio.BufferUnderflowException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field encodings shared by the codecs: stop-bit numbers, null-preserving UTF-8 strings, enums as ordinal + 1
 * (0 for null), enum sets as a stop-bit bit mask, booleans as one byte 0 or 1.
 */
final class Fields {
    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;

    private Fields() {
    }

    static void writeInt(BytesOut<?> out, int value) {
        out.writeStopBit((long) value);
    }

    static int readInt(BytesIn<?> in, String field) {
        long position = in.readPosition();
        long value = in.readStopBit();
        if ((int) value != value) {
            throw new JournalFormatException("field " + field + " at position " + position + " holds " + value
                    + ", which does not fit an int");
        }
        return (int) value;
    }

    static void writeString(BytesOut<?> out, String value) {
        out.writeUtf8(value);
    }

    static String readString(BytesIn<?> in) {
        // Chronicle's readUtf8 returns "" instead of failing when no byte is left; a truncated record must fail.
        if (in.readRemaining() <= 0) {
            throw new BufferUnderflowException();
        }
        return in.readUtf8();
    }

    static void writeBoolean(BytesOut<?> out, boolean value) {
        out.writeByte(value ? PRESENT : ABSENT);
    }

    static boolean readBoolean(BytesIn<?> in, String field) {
        long position = in.readPosition();
        byte b = in.readByte();
        if (b != ABSENT && b != PRESENT) {
            throw new JournalFormatException("field " + field + " at position " + position
                    + " holds byte " + b + ", expected 0 or 1");
        }
        return b == PRESENT;
    }

    /** Writes the presence byte of a nullable nested value; the caller writes the value only when present. */
    static boolean writePresence(BytesOut<?> out, Object value) {
        writeBoolean(out, value != null);
        return value != null;
    }

    static boolean readPresence(BytesIn<?> in, String field) {
        return readBoolean(in, field);
    }

    static void writeEnum(BytesOut<?> out, Enum<?> value) {
        out.writeByte((byte) (value == null ? 0 : value.ordinal() + 1));
    }

    static <E extends Enum<E>> E readEnum(BytesIn<?> in, E[] values, String field) {
        long position = in.readPosition();
        int code = in.readUnsignedByte();
        if (code < 0) {
            throw new BufferUnderflowException();
        }
        if (code == 0) {
            return null;
        }
        if (code > values.length) {
            throw new JournalFormatException("field " + field + " at position " + position + " holds enum code "
                    + code + ", but " + values[0].getDeclaringClass().getSimpleName() + " has only "
                    + values.length + " constants");
        }
        return values[code - 1];
    }

    static <E extends Enum<E>> void writeEnumSet(BytesOut<?> out, Set<E> values) {
        long mask = 0;
        for (E value : values) {
            mask |= 1L << value.ordinal();
        }
        out.writeStopBit(mask);
    }

    static <E extends Enum<E>> Set<E> readEnumSet(BytesIn<?> in, E[] values, Class<E> type, String field) {
        long position = in.readPosition();
        long mask = in.readStopBit();
        if (values.length < Long.SIZE && (mask >>> values.length) != 0) {
            throw new JournalFormatException("field " + field + " at position " + position + " holds bit mask 0x"
                    + Long.toHexString(mask) + ", but " + type.getSimpleName() + " has only " + values.length
                    + " constants");
        }
        Set<E> set = EnumSet.noneOf(type);
        for (int i = 0; i < values.length; i++) {
            if ((mask & (1L << i)) != 0) {
                set.add(values[i]);
            }
        }
        return set;
    }

    /** Sorted, so the same set always gives the same bytes. */
    static void writeStringSet(BytesOut<?> out, Set<String> values) {
        List<String> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        writeCount(out, sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            writeString(out, sorted.get(i));
        }
    }

    static Set<String> readStringSet(BytesIn<?> in, String field) {
        int count = readCount(in, field);
        Set<String> set = new HashSet<>();
        for (int i = 0; i < count; i++) {
            set.add(readString(in));
        }
        return set;
    }

    /** Sorted by key, so the same map always gives the same bytes. */
    static void writeStringIntMap(BytesOut<?> out, Map<String, Integer> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.sort(keys);
        writeCount(out, keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            writeString(out, key);
            writeInt(out, map.get(key));
        }
    }

    static Map<String, Integer> readStringIntMap(BytesIn<?> in, String field) {
        int count = readCount(in, field);
        Map<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            String key = readString(in);
            map.put(key, readInt(in, field + "[" + key + "]"));
        }
        return map;
    }

    /** A time of day as nanoseconds of the day; -1 for null. */
    static void writeLocalTime(BytesOut<?> out, LocalTime time) {
        out.writeStopBit(time == null ? -1L : time.toNanoOfDay());
    }

    static LocalTime readLocalTime(BytesIn<?> in, String field) {
        long position = in.readPosition();
        long nanos = in.readStopBit();
        if (nanos == -1L) {
            return null;
        }
        if (nanos < 0 || nanos > LocalTime.MAX.toNanoOfDay()) {
            throw new JournalFormatException("field " + field + " at position " + position + " holds " + nanos
                    + " ns, not a time of day");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    static void writeCount(BytesOut<?> out, int count) {
        out.writeStopBit((long) count);
    }

    /** A list length; bounded by the bytes left, so a corrupt length cannot make us allocate gigabytes. */
    static int readCount(BytesIn<?> in, String field) {
        long position = in.readPosition();
        long count = in.readStopBit();
        if (count < 0 || count > in.readRemaining()) {
            throw new JournalFormatException("field " + field + " at position " + position + " holds length "
                    + count + ", but only " + in.readRemaining() + " bytes are left in the record");
        }
        return (int) count;
    }
}
