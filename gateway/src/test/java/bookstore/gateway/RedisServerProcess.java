package bookstore.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server, the {@code redis-server} binary (Debian package {@code redis-server}) started as a child
 * process on a free port, without persistence. A machine without it fails the tests that need it, saying what to
 * install; they are not skipped.
 */
final class RedisServerProcess implements AutoCloseable {

    private final String binary;
    private final int port;
    private final Path folder;
    private Process process;

    private RedisServerProcess(String binary, int port, Path folder) {
        this.binary = binary;
        this.port = port;
        this.folder = folder;
    }

    static RedisServerProcess start() {
        String binary = System.getenv().getOrDefault("REDIS_SERVER_BINARY", "redis-server");
        try {
            RedisServerProcess redis =
                    new RedisServerProcess(binary, freePort(), Files.createTempDirectory("gateway-redis"));
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("No folder for Redis", e);
        }
    }

    /** Stops the server, as an outage would; {@link #restart()} brings an empty one back on the same port. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void restart() {
        launch();
    }

    private void launch() {
        try {
            process = new ProcessBuilder(
                            binary,
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            folder.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            folder.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start '" + binary + "': these tests need a real Redis (apt-get install -y redis-server)",
                    e);
        }
        Process started = process;
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !started.isAlive() || answersPing());
        if (!started.isAlive()) {
            throw new IllegalStateException("redis-server exited at start: see " + folder.resolve("redis.log"));
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Sends one command in Redis's inline form and returns the first line of the reply. */
    String command(String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
                if (next != '\r') {
                    line.append((char) next);
                }
            }
            return line.toString();
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for Redis", e);
        }
    }
}
