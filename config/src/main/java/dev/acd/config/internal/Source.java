package dev.acd.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A configuration file and the files it names, which are found next to it: on disk or on the classpath. */
public interface Source {
    /** How problems name this file. */
    String name();

    /** The whole file as UTF-8 text. */
    String read() throws IOException;

    /** A file named relative to this one (absolute paths stay as they are on disk). */
    Source sibling(String relative);

    static Source file(Path path) {
        return new FileSource(path);
    }

    /** A resource such as {@code dev/acd/config/default/acd.yaml}. */
    static Source classpath(String resource) {
        return new ClasspathSource(resource);
    }

    /** A file on disk. */
    record FileSource(Path path) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public String read() throws IOException {
            return Files.readString(path, StandardCharsets.UTF_8);
        }

        @Override
        public Source sibling(String relative) {
            return new FileSource(path.resolveSibling(relative));
        }
    }

    /** A classpath resource, read with this module's class loader. */
    record ClasspathSource(String resource) implements Source {
        @Override
        public String name() {
            return "classpath:" + resource;
        }

        @Override
        public String read() throws IOException {
            try (InputStream in = Source.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new NoSuchFileException(name());
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        @Override
        public Source sibling(String relative) {
            int slash = resource.lastIndexOf('/');
            return new ClasspathSource(slash < 0 ? relative : resource.substring(0, slash + 1) + relative);
        }
    }
}
