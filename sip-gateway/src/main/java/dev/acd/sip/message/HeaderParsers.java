package dev.acd.sip.message;

import gov.nist.javax.sip.parser.HeaderParser;
import gov.nist.javax.sip.parser.ParserFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;

/**
 * The RI's header parser for a header name, found without allocating: the RI's own lookup ({@code ParserFactory})
 * cuts the name and the whole value out of every line, lower-cases the name and builds the parser by reflection.
 * The table is the RI's own, read once, so every name (compact forms included) maps to the parser the RI would
 * use; a name not in it returns null and the caller leaves the line to the RI. Immutable after class
 * initialisation; safe to share between threads.
 */
final class HeaderParsers {
    private static final MethodType FACTORY_TYPE = MethodType.methodType(HeaderParser.class, String.class);
    /** Open addressing, power-of-two size, at most a quarter full so probes stay short. */
    private static final String[] NAMES;
    private static final MethodHandle[] FACTORIES;

    static {
        Map<String, Class<?>> table = riTable();
        int size = Integer.highestOneBit(Math.max(table.size(), 1) * 4) * 2;
        NAMES = new String[size];
        FACTORIES = new MethodHandle[size];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        table.forEach((name, parserClass) -> {
            try {
                MethodHandle factory = lookup.findConstructor(parserClass, MethodType.methodType(void.class,
                        String.class)).asType(FACTORY_TYPE);
                String lower = name.toLowerCase(Locale.ROOT);
                int slot = hash(lower, 0, lower.length()) & (size - 1);
                while (NAMES[slot] != null) {
                    slot = (slot + 1) & (size - 1);
                }
                NAMES[slot] = lower;
                FACTORIES[slot] = factory;
            } catch (ReflectiveOperationException | ClassCastException e) {
                // no public (String) constructor: that name stays with ParserFactory
            }
        });
    }

    private HeaderParsers() {
    }

    /**
     * A new RI parser for {@code line} (a header line ending in a line feed, as the RI's parsers expect), chosen by
     * the name in [nameStart, nameEnd); null when the RI has no parser of its own for that name.
     */
    static HeaderParser create(String line, int nameStart, int nameEnd) {
        int mask = NAMES.length - 1;
        int length = nameEnd - nameStart;
        for (int slot = hash(line, nameStart, nameEnd) & mask; NAMES[slot] != null; slot = (slot + 1) & mask) {
            String name = NAMES[slot];
            if (name.length() == length && line.regionMatches(true, nameStart, name, 0, length)) {
                try {
                    return (HeaderParser) FACTORIES[slot].invokeExact(line);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("constructing the RI's parser for " + name, e);
                }
            }
        }
        return null;
    }

    /** ASCII-case-insensitive, so a name hashes the same however the sender capitalised it. */
    private static int hash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<?>> riTable() {
        try {
            Field field = ParserFactory.class.getDeclaredField("parserTable");
            field.setAccessible(true);
            return Map.copyOf((Map<String, Class<?>>) field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // an RI without that table: every header goes through ParserFactory as before, only slower
            return Map.of();
        }
    }
}
