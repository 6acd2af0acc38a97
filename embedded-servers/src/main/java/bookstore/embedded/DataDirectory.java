package bookstore.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a server keeps its data: a folder the caller chose, which outlives the server, or a
 * temporary one that is deleted when the server closes.
 */
final class DataDirectory {

    private final Path path;
    private final boolean temporary;

    private DataDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static DataDirectory chosenOrTemporary(Path chosen, String prefix) {
        try {
            if (chosen == null) {
                return new DataDirectory(Files.createTempDirectory(prefix), true);
            }
            return new DataDirectory(Files.createDirectories(chosen.toAbsolutePath()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for " + prefix, e);
        }
    }

    Path path() {
        return path;
    }

    boolean isTemporary() {
        return temporary;
    }

    void deleteIfTemporary() {
        if (temporary) {
            delete(path);
        }
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DataDirectory::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
