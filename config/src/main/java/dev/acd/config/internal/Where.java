package dev.acd.config.internal;

import org.yaml.snakeyaml.nodes.Node;

/** A place in a configuration file: file, 1-based line and column, and the key path. */
record Where(String file, int line, int column, String path) {

    static Where of(String file, Node node, String path) {
        // SnakeYAML marks are 0-based; people and editors count from 1.
        return new Where(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path);
    }

    Where withPath(String newPath) {
        return new Where(file, line, column, newPath);
    }
}
