package bookstore.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts services faster with class-data sharing, which roughly halves start-up on a two-core
 * machine.
 *
 * <p>The JVM archives only classes loaded from plain jars on the class path, not from inside a
 * Spring Boot fat jar, so each service jar is extracted once per build (Boot's {@code
 * -Djarmode=tools extract}). The first run of a build writes the archive when the service exits;
 * later runs map it instead of loading and verifying every class again. (Dumping a running service
 * with {@code jcmd VM.cds dynamic_dump} would spare that slower first stop, but crashed a service
 * on JDK 25.)
 */
final class ClassDataSharing {

    private static final String APPLICATION_JAR = "application.jar";
    private static final String ARCHIVE = "application.jsa";
    private static final String SOURCE_MARKER = "extracted-from";

    private final Path folder;
    private final Path javaHome;

    ClassDataSharing(Path folder, Path javaHome) {
        this.folder = folder;
        this.javaHome = javaHome;
    }

    /**
     * What to run for a service.
     *
     * @param recording whether this run writes the archive when it stops
     */
    record Launch(List<String> jvmOptions, Path jar, boolean recording) {}

    /** Extracts the service jar unless this build was extracted already; runs the fat jar if that fails. */
    Launch prepare(Service service, Path bootJar) {
        Path extracted = folder.resolve(service.module());
        try {
            // A new build or another JDK makes the extracted classes and the archive stale.
            String source = bootJar.toAbsolutePath() + " "
                    + Files.getLastModifiedTime(bootJar).toMillis() + " " + Files.size(bootJar) + " "
                    + Runtime.version();
            Path marker = extracted.resolve(SOURCE_MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(source)) {
                Folders.deleteRecursively(extracted);
                extract(bootJar, extracted);
                Files.writeString(marker, source);
            }
        } catch (IOException | RuntimeException e) {
            return new Launch(List.of(), bootJar, false);
        }
        Path archive = extracted.resolve(ARCHIVE);
        List<String> options = List.of(
                "-XX:SharedArchiveFile=" + archive,
                // Writes the archive at exit when it is missing or does not match these classes.
                "-XX:+AutoCreateSharedArchive",
                // Otherwise the JVM lists every class it cannot archive (proxies, JFR events) as a warning.
                "-Xlog:cds=off,cds+dynamic=off");
        return new Launch(options, extracted.resolve(APPLICATION_JAR), !Files.exists(archive));
    }

    private void extract(Path bootJar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Process process = new ProcessBuilder(
                        javaHome.resolve("bin").resolve("java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        bootJar.toString(),
                        "extract",
                        "--destination",
                        destination.toString(),
                        "--application-filename",
                        APPLICATION_JAR)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("extracting " + bootJar + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while extracting " + bootJar, e);
        }
    }
}
