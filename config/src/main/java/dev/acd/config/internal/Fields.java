package dev.acd.config.internal;

import java.util.List;

import dev.acd.config.Setting;

/** Typed reads of one record's fields, from a YAML mapping or a CSV row alike; wrong values are reported, not thrown. */
interface Fields {
    String text(Setting setting);

    String id(Setting setting);

    long wholeLong(Setting setting);

    List<YamlMap.Text> texts(Setting setting);

    Where at(Setting setting);

    Where self();
}
