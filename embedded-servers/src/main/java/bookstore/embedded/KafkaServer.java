package bookstore.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka cluster: one KRaft process acting as broker and controller, with its log
 * in a folder of the caller's choice (kept across restarts) or in a temporary one.
 *
 * <p>Topics are never created on first use: the services declare and create theirs, as they must
 * against a production cluster.
 *
 * <p>{@link #main} runs one in a process of its own, which can then be killed as a broker crashes:
 * the local launcher runs it so, and the system tests kill it in the middle of a load.
 */
public final class KafkaServer implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String HOST = "localhost";

    private final KafkaRaftServer server;
    private final DataDirectory dataDirectory;
    private final int port;

    private KafkaServer(KafkaRaftServer server, DataDirectory dataDirectory, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A broker on a free port whose data is deleted on {@link #close()}. */
    public static KafkaServer start() {
        return start(0, null);
    }

    /**
     * Starts a broker and returns once it accepts clients.
     *
     * @param port the client port, or 0 for a free one
     * @param dataDirectory where the log lives; formatted on first use and reused afterwards, or
     *     {@code null} for a temporary folder deleted on {@link #close()}
     */
    public static KafkaServer start(int port, Path dataDirectory) {
        DataDirectory directory = DataDirectory.chosenOrTemporary(dataDirectory, "embedded-kafka");
        int brokerPort = FreePorts.requestedOrFree(port);
        KafkaRaftServer server = null;
        try {
            // The controller port is picked afresh on every start: with a static quorum the voter
            // address comes from the configuration only, so a persisted log does not pin it.
            KafkaConfig config = new KafkaConfig(configuration(brokerPort, FreePorts.free(), directory.path()), false);
            formatUnlessFormatted(directory.path());
            server = new KafkaRaftServer(config, Time.SYSTEM);
            // Returns once the controller has unfenced the broker, i.e. it serves clients.
            server.startup();
            return new KafkaServer(server, directory, brokerPort);
        } catch (Exception e) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            directory.deleteIfTemporary();
            throw new IllegalStateException("Kafka did not start on port " + brokerPort, e);
        }
    }

    /**
     * Runs a broker until this process is stopped. Arguments: the client port, the data directory
     * (formatted on first use, recovered after a crash) and a file to write this process's id to
     * once the broker serves clients, which is how the process that started it knows (a port that
     * accepts connections does not say that). SIGTERM shuts the broker down cleanly; after SIGKILL
     * the next start recovers its log, as a crashed broker's.
     */
    public static void main(String[] arguments) throws IOException {
        if (arguments.length != 3) {
            System.err.println("Usage: KafkaServer <port> <data directory> <ready file>");
            System.exit(2);
        }
        Path ready = Path.of(arguments[2]);
        Files.deleteIfExists(ready);
        KafkaServer broker = start(Integer.parseInt(arguments[0]), Path.of(arguments[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        // Written whole, then moved into place: the reader never sees half a process id.
        Path written = Files.writeString(
                ready.resolveSibling(ready.getFileName() + ".tmp"),
                String.valueOf(ProcessHandle.current().pid()));
        Files.move(written, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Kafka serves clients on " + broker.bootstrapServers());
        broker.server.awaitShutdown();
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory.path();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        dataDirectory.deleteIfTemporary();
    }

    private static Map<String, String> configuration(int brokerPort, int controllerPort, Path logDirectory) {
        // Values as in a server.properties file: Kafka parses each into its declared type.
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put(
                "listeners",
                BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                        + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        config.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("log.dirs", logDirectory.toString());

        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // A single broker can hold one replica of each internal topic; one partition each keeps the
        // first consumer group, transaction or share group quick to set up.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        // Production waits for more members before the first rebalance; here nobody else is coming.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Small files: little to preallocate and recover, and the cleaner's buffer is 128 MiB by default.
        config.put("log.segment.bytes", String.valueOf(1024 * 1024));
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        config.put("log.cleaner.threads", "1");
        return config;
    }

    private static void formatUnlessFormatted(Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .run();
    }
}
