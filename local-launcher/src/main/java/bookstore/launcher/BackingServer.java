package bookstore.launcher;

/**
 * A server the services need. Each is embedded on its usual local port unless its environment
 * variable names one that already runs.
 */
enum BackingServer {
    KAFKA("Kafka", "KAFKA_BOOTSTRAP_SERVERS", 9092, "localhost:9092"),
    POSTGRES("PostgreSQL", "POSTGRES_URL", 5432, "postgresql://localhost:5432"),
    MONGO("MongoDB", "MONGODB_URI", 27017, "mongodb://localhost:27017/catalog");

    private final String displayName;
    private final String variable;
    private final int port;
    private final String embeddedAddress;

    BackingServer(String displayName, String variable, int port, String embeddedAddress) {
        this.displayName = displayName;
        this.variable = variable;
        this.port = port;
        this.embeddedAddress = embeddedAddress;
    }

    String displayName() {
        return displayName;
    }

    /** The contract's environment variable that points services at this server. */
    String variable() {
        return variable;
    }

    int port() {
        return port;
    }

    String embeddedAddress() {
        return embeddedAddress;
    }

    /** The folder under the launcher's data directory that holds this server's data. */
    String folder() {
        return name().toLowerCase();
    }
}
