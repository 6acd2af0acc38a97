package bookstore.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * A MongoDB wire-protocol server (mongo-java-server): in memory for tests, or backed by an H2
 * MVStore file when the caller chooses a data folder, so the catalogue survives a restart.
 *
 * <p>It speaks the protocol, not every feature: code must stick to queries real MongoDB runs, and
 * tests that need more run against a real server through Testcontainers.
 */
public final class MongoServer implements AutoCloseable {

    private static final String HOST = "localhost";
    private static final String STORE_FILE = "databases.mv";

    private final de.bwaldvogel.mongo.MongoServer server;
    private final int port;

    private MongoServer(de.bwaldvogel.mongo.MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** An in-memory server on a free port. */
    public static MongoServer start() {
        return start(0, null);
    }

    /**
     * @param port the port, or 0 for a free one
     * @param dataDirectory where the databases are stored, or {@code null} to keep them in memory
     */
    public static MongoServer start(int port, Path dataDirectory) {
        MongoBackend backend = dataDirectory == null ? new InMemory() : fileBackend(dataDirectory);
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        int boundPort = FreePorts.requestedOrFree(port);
        try {
            server.bind(HOST, boundPort);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("The Mongo wire server did not start on port " + boundPort, e);
        }
        return new MongoServer(server, boundPort);
    }

    public int port() {
        return port;
    }

    /** The server's address without a database, e.g. {@code mongodb://localhost:27017}. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    /** Stops listening and, for a file-backed server, writes everything to disk. */
    @Override
    public void close() {
        server.shutdown();
    }

    private static MongoBackend fileBackend(Path dataDirectory) {
        Path folder =
                DataDirectory.chosenOrTemporary(dataDirectory, "embedded-mongo").path();
        return new InFile(folder.resolve(STORE_FILE).toString());
    }

    /**
     * mongo-java-server answers the legacy {@code isMaster} handshake only; current clients, Spring
     * Boot's Mongo health indicator among them, send {@code hello} (MongoDB 4.4.2+), whose reply is
     * the same document plus {@code isWritablePrimary}.
     */
    private static Document answer(String command, Document query, BiFunction<String, Document, Document> backend) {
        if (!command.equalsIgnoreCase("hello")) {
            return backend.apply(command, query);
        }
        Document reply = backend.apply("isMaster", query);
        reply.put("isWritablePrimary", reply.get("ismaster"));
        return reply;
    }

    private static final class InMemory extends MemoryBackend {

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return answer(command, query, (name, body) -> super.handleCommand(channel, database, name, body));
        }
    }

    private static final class InFile extends H2Backend {

        InFile(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return answer(command, query, (name, body) -> super.handleCommand(channel, database, name, body));
        }
    }
}
