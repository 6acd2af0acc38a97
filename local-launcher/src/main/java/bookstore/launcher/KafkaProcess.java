package bookstore.launcher;

import bookstore.embedded.KafkaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded Kafka broker in a JVM of its own ({@link KafkaServer#main}), so that it can be killed
 * as a broker crashes while the services and the launcher go on; started again on the same port and
 * data folder, it recovers its log.
 */
final class KafkaProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 20;

    private final ChildProcess process;

    private KafkaProcess(ChildProcess process) {
        this.process = process;
    }

    /**
     * Starts the broker and returns once it serves clients; a broker that exits or never gets there
     * fails the start. Started {@code again}, its log goes on after the earlier run's.
     */
    static KafkaProcess start(ChildJvm jvm, int port, Path dataDirectory, Path log, boolean again) {
        Path ready = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".ready");
        List<String> command = new ArrayList<>(jvm.command(
                "kafka", KafkaServer.class.getName(), List.of("logback.configurationFile=child-process-logback.xml")));
        command.addAll(List.of(String.valueOf(port), dataDirectory.toString(), ready.toString()));
        try {
            Files.createDirectories(dataDirectory);
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dataDirectory, e);
        }
        ChildProcess process = new ChildProcess("Kafka", command, Map.of(), log, again);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!announced(ready, process.pid())) {
            if (!process.isAlive()) {
                throw new IllegalStateException(failure(process, "exited with status " + process.exitCode()));
            }
            if (System.nanoTime() > deadline) {
                process.kill();
                throw new IllegalStateException(
                        failure(process, "did not serve clients within " + READY_TIMEOUT.toSeconds() + " s"));
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.kill();
                throw new IllegalStateException("interrupted while Kafka was starting", e);
            }
        }
        return new KafkaProcess(process);
    }

    /** Whether the broker wrote its process id to the ready file: it serves clients. */
    private static boolean announced(Path ready, long pid) {
        try {
            return Files.isRegularFile(ready) && Files.readString(ready).equals(String.valueOf(pid));
        } catch (IOException e) {
            return false;
        }
    }

    private static String failure(ChildProcess process, String what) {
        StringBuilder text = new StringBuilder("Kafka " + what + ". Last lines of " + process.log() + ":");
        process.tail(LOG_TAIL_LINES).forEach(line -> text.append("\n  | ").append(line));
        return text.toString();
    }

    /** SIGKILL, as a crash would end the broker: nothing flushed, no controlled shutdown. */
    void kill() {
        process.kill();
    }

    /** A controlled shutdown (SIGTERM); killed if it takes longer than the grace period. */
    @Override
    public void close() {
        process.requestStop();
        process.awaitStop(STOP_GRACE);
    }
}
