package org.illbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The APDUs YAZ encoded (tools/yaz: {@code yaz-ill vectors}), committed under src/test/resources/yaz-vectors. */
public final class YazVectors {

    public static final Path DIRECTORY = Path.of("src/test/resources/yaz-vectors");

    private YazVectors() {
    }

    public static List<Path> all() {
        return in(DIRECTORY);
    }

    /** The {@code .ber} files of a directory, by name. */
    public static List<Path> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".ber")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(String name) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve(name + ".ber"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
