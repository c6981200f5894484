package dev.acd.config.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import dev.acd.config.Setting;
import dev.acd.config.Settings;

/**
 * One YAML mapping of a known section, read through {@link Setting}s: keys not declared for the section, duplicate
 * keys and plain passwords are reported when it is opened; each typed read reports a wrong value with what was
 * expected and falls back to the default, so reading goes on and finds every problem.
 */
final class YamlMap implements Fields {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A list element or map value together with its path. */
    record Item(Node node, String path, Where where) {
    }

    /** A scalar of a list or map, with its text and where it is. */
    record Text(String value, Where where) {
    }

    /** A key of a free-form map (skill levels, arrivals per line) with its value node. */
    record Entry(String key, Node value, Where keyWhere, Where valueWhere) {
    }

    private final Problems problems;
    private final String file;
    private final MappingNode node;
    private final String path;
    private final String section;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Problems problems, String file, MappingNode node, String path, String section) {
        this.problems = problems;
        this.file = file;
        this.node = node;
        this.path = path;
        this.section = section;
        List<String> known = Settings.inSection(section).stream().map(Setting::key).collect(Collectors.toList());
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                problems.add(Where.of(file, keyNode, path), "expected a plain key, got " + describe(keyNode));
                continue;
            }
            String key = ((ScalarNode) keyNode).getValue();
            Where keyWhere = Where.of(file, keyNode, child(key));
            if (entries.containsKey(key)) {
                problems.add(keyWhere, "duplicate key '" + key + "' (first at line "
                        + (entries.get(key).getKeyNode().getStartMark().getLine() + 1) + ")");
            } else if (key.toLowerCase(Locale.ROOT).contains("password")) {
                problems.add(keyWhere, "plain passwords are not accepted; store digest hashes instead: md5 and/or sha256 "
                        + "= HA1 of 'user:realm:password' (see docs/configuration.md, \"Softphone passwords\")");
            } else if (!known.contains(key)) {
                String hint = Names.suggestion(key, known);
                problems.add(keyWhere, "unknown key '" + key + "'"
                        + (hint.isEmpty() ? "; expected one of: " + String.join(", ", known) : hint));
            } else {
                entries.put(key, tuple);
            }
        }
    }

    /** Opens a mapping node as a section, or reports that it is not a mapping and returns null. */
    static YamlMap open(Problems problems, String file, Node node, String path, String section) {
        if (node instanceof MappingNode) {
            return new YamlMap(problems, file, (MappingNode) node, path, section);
        }
        problems.add(Where.of(file, node, path), "expected a mapping of keys to values, got " + describe(node));
        return null;
    }

    /** An empty section, for a key that is absent, so defaults apply. */
    static YamlMap empty(Problems problems, String file, Node at, String path, String section) {
        MappingNode empty = new MappingNode(Tag.MAP, false, new ArrayList<>(), at.getStartMark(), at.getEndMark(), DumperOptions.FlowStyle.AUTO);
        return new YamlMap(problems, file, empty, path, section);
    }

    /** An empty section placed at this mapping, so a section that could not be read still gives its defaults. */
    YamlMap emptySection(String childPath, String childSection) {
        return empty(problems, file, node, childPath, childSection);
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where the mapping itself starts. */
    @Override
    public Where self() {
        return Where.of(file, node, path);
    }

    /** Where a key's value is, or where the mapping is when the key is absent. */
    Where at(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Where.of(file, node, child(key)) : Where.of(file, tuple.getValueNode(), child(key));
    }

    @Override
    public Where at(Setting setting) {
        return at(setting.key());
    }

    boolean has(Setting setting) {
        return value(setting, false) != null;
    }

    /** The value node of a setting, null when absent or written as null; a required one that is absent is reported. */
    Node value(Setting setting) {
        return value(setting, true);
    }

    private Node value(Setting setting, boolean reportMissing) {
        if (!setting.section().equals(section)) {
            throw new IllegalArgumentException(setting.fullName() + " read in section " + section);
        }
        NodeTuple tuple = entries.get(setting.key());
        Node value = tuple == null || isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
        if (value == null && setting.required() && reportMissing) {
            problems.add(Where.of(file, tuple == null ? node : tuple.getValueNode(), child(setting.key())),
                    "missing required key '" + setting.key() + "' (expected " + setting.expectation() + ")");
        }
        return value;
    }

    /** Text, the default when absent, null when absent without default or wrong. */
    @Override
    public String text(Setting setting) {
        Node value = value(setting);
        if (value == null) {
            return (String) setting.defaultValue();
        }
        return scalar(value, at(setting), setting.expectation());
    }

    /** An id (letters, digits, '-', '_', '.'), null when absent or wrong. */
    @Override
    public String id(Setting setting) {
        Node value = value(setting);
        return value == null ? (String) setting.defaultValue() : id(value, at(setting));
    }

    String id(Node value, Where where) {
        String text = scalar(value, where, "an id of letters, digits, '-', '_' or '.'");
        if (text != null && !ID.matcher(text).matches()) {
            problems.add(where, "expected an id of letters, digits, '-', '_' or '.', got '" + text + "'");
            return null;
        }
        return text;
    }

    int whole(Setting setting) {
        return (int) wholeLong(setting);
    }

    @Override
    public long wholeLong(Setting setting) {
        Node value = value(setting);
        Number fallback = (Number) setting.defaultValue();
        long orElse = fallback == null ? 0 : fallback.longValue();
        if (value == null) {
            return orElse;
        }
        Long parsed = whole(value, at(setting), setting.expectation(), setting.min(), setting.max());
        return parsed == null ? orElse : parsed;
    }

    double decimal(Setting setting) {
        Node value = value(setting);
        Number fallback = (Number) setting.defaultValue();
        double orElse = fallback == null ? 0 : fallback.doubleValue();
        if (value == null) {
            return orElse;
        }
        Double parsed = decimal(value, at(setting), setting.expectation(), setting.min(), setting.max());
        return parsed == null ? orElse : parsed;
    }

    boolean bool(Setting setting) {
        Node value = value(setting);
        boolean orElse = Boolean.TRUE.equals(setting.defaultValue());
        if (value == null) {
            return orElse;
        }
        String text = scalar(value, at(setting), setting.expectation());
        if (text == null) {
            return orElse;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                problems.add(at(setting), "expected " + setting.expectation() + ", got '" + text + "'");
                return orElse;
        }
    }

    /** An enum constant, written in any case with '-' or '_' ("hang-up" is HANG_UP); the default when absent, null when wrong. */
    <E extends Enum<E>> E choice(Setting setting, Class<E> type) {
        Node value = value(setting);
        E orElse = setting.defaultValue() == null ? null : Enum.valueOf(type, (String) setting.defaultValue());
        if (value == null) {
            return orElse;
        }
        return choice(value, at(setting), type);
    }

    <E extends Enum<E>> E choice(Node value, Where where, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        String text = scalar(value, where, "one of " + String.join(", ", names));
        if (text == null) {
            return null;
        }
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normal)) {
                return constant;
            }
        }
        problems.add(where, "expected one of " + String.join(", ", names) + ", got '" + text + "'"
                + Names.suggestion(normal, names));
        return null;
    }

    /** A time of day; the default (if any) when absent, null when wrong. */
    LocalTime time(Setting setting) {
        Node value = value(setting);
        LocalTime orElse = setting.defaultValue() == null ? null : LocalTime.parse((String) setting.defaultValue());
        if (value == null) {
            return orElse;
        }
        String text = scalar(value, at(setting), setting.expectation());
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 && text.charAt(1) == ':' ? "0" + text : text);
        } catch (DateTimeParseException e) {
            problems.add(at(setting), "expected " + setting.expectation() + ", got '" + text + "'");
            return null;
        }
    }

    /** A time zone; the default when absent, null when absent without default or wrong. */
    ZoneId zone(Setting setting) {
        Node value = value(setting);
        if (value == null) {
            return setting.defaultValue() == null ? null : ZoneId.of((String) setting.defaultValue());
        }
        String text = scalar(value, at(setting), setting.expectation());
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (RuntimeException e) {
            problems.add(at(setting), "expected " + setting.expectation() + ", got '" + text + "'"
                    + Names.suggestion(text, ZoneId.getAvailableZoneIds()));
            return null;
        }
    }

    /** The elements of a list setting; empty when absent or not a list (reported). */
    List<Item> list(Setting setting) {
        Node value = value(setting);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode)) {
            problems.add(at(setting), "expected " + setting.expectation() + ", got " + describe(value));
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        List<Node> elements = ((SequenceNode) value).getValue();
        for (int i = 0; i < elements.size(); i++) {
            String itemPath = child(setting.key()) + "[" + i + "]";
            items.add(new Item(elements.get(i), itemPath, Where.of(file, elements.get(i), itemPath)));
        }
        return items;
    }

    /** The elements of a list of mappings, each opened as a section; elements that are not mappings are reported. */
    List<YamlMap> maps(Setting setting, String childSection) {
        List<YamlMap> maps = new ArrayList<>();
        for (Item item : list(setting)) {
            YamlMap map = open(problems, file, item.node(), item.path(), childSection);
            if (map != null) {
                maps.add(map);
            }
        }
        return maps;
    }

    /** A nested section, or an empty one when absent (so its defaults apply); null when not a mapping. */
    YamlMap section(Setting setting, String childSection) {
        Node value = value(setting);
        if (value == null) {
            return empty(problems, file, node, child(setting.key()), childSection);
        }
        return open(problems, file, value, child(setting.key()), childSection);
    }

    /** The texts of a list of scalars; non-scalars are reported and left out. */
    @Override
    public List<Text> texts(Setting setting) {
        List<Text> texts = new ArrayList<>();
        for (Item item : list(setting)) {
            String text = scalar(item.node(), item.where(), "text");
            if (text != null) {
                texts.add(new Text(text, item.where()));
            }
        }
        return texts;
    }

    /** The entries of a free-form map setting (keys are ids, values left to the caller). */
    List<Entry> entries(Setting setting) {
        Node value = value(setting);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof MappingNode)) {
            problems.add(at(setting), "expected a mapping such as 'name: value', got " + describe(value));
            return List.of();
        }
        List<Entry> result = new ArrayList<>();
        Map<String, Integer> seenAt = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) value).getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode ? ((ScalarNode) tuple.getKeyNode()).getValue() : null;
            Where keyWhere = Where.of(file, tuple.getKeyNode(), child(setting.key()) + "." + key);
            if (key == null) {
                problems.add(keyWhere.withPath(child(setting.key())), "expected a plain key, got " + describe(tuple.getKeyNode()));
                continue;
            }
            Integer first = seenAt.putIfAbsent(key, keyWhere.line());
            if (first != null) {
                problems.add(keyWhere, "duplicate key '" + key + "' (first at line " + first + ")");
                continue;
            }
            result.add(new Entry(key, tuple.getValueNode(), keyWhere,
                    Where.of(file, tuple.getValueNode(), keyWhere.path())));
        }
        return result;
    }

    /** The text of a scalar node, or null after reporting what else it was. */
    String scalar(Node value, Where where, String expectation) {
        if (value instanceof ScalarNode) {
            return ((ScalarNode) value).getValue().trim();
        }
        problems.add(where, "expected " + expectation + ", got " + describe(value));
        return null;
    }

    Long whole(Node value, Where where, String expectation, Double min, Double max) {
        String text = scalar(value, where, expectation);
        if (text == null) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(where, "expected " + expectation + ", got '" + text + "'");
            return null;
        }
        if (min != null && parsed < min || max != null && parsed > max) {
            problems.add(where, "expected " + expectation + ", got " + parsed);
            return null;
        }
        return parsed;
    }

    Double decimal(Node value, Where where, String expectation, Double min, Double max) {
        String text = scalar(value, where, expectation);
        if (text == null) {
            return null;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
            problems.add(where, "expected " + expectation + ", got '" + text + "'");
            return null;
        }
        if (min != null && parsed < min || max != null && parsed > max) {
            problems.add(where, "expected " + expectation + ", got " + text);
            return null;
        }
        return parsed;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
