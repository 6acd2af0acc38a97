package bookstore.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A process the launcher started (a service's JVM, the Kafka broker's), its output going to a log file. */
class ChildProcess {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;

    /**
     * Starts the process.
     *
     * @param again whether it ran before in this shop: its log goes on after the earlier run's (which
     *     may tell why it had to be started again) instead of replacing it
     */
    ChildProcess(String name, List<String> command, Map<String, String> environment, Path log, boolean again) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        again
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        this.name = name;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** Asks for a graceful shutdown (SIGTERM), as an orchestrator would. */
    void requestStop() {
        process.destroy();
    }

    /**
     * Ends the process as a crash would: SIGKILL, so no shutdown hook runs and nothing is flushed
     * or handed over. Returns once it is gone.
     */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " outlived SIGKILL for " + KILL_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** Waits for the process to end after {@link #requestStop()}; kills it when the grace period is over. */
    boolean awaitStop(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The last lines of the log, to show why a process did not come up. */
    List<String> tail(int lines) {
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
        return new ArrayList<>(last);
    }
}
