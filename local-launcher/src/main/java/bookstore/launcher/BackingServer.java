package bookstore.launcher;

/**
 * A server the services need. Each is embedded on its usual local port unless its environment
 * variable names one that already runs.
 */
enum BackingServer {
    KAFKA("Kafka", "KAFKA_BOOTSTRAP_SERVERS", 9092, "localhost:%d"),
    POSTGRES("PostgreSQL", "POSTGRES_URL", 5432, "postgresql://localhost:%d"),
    MONGO("MongoDB", "MONGODB_URI", 27017, "mongodb://localhost:%d/catalog");

    private final String displayName;
    private final String variable;
    private final int port;
    private final String addressPattern;

    BackingServer(String displayName, String variable, int port, String addressPattern) {
        this.displayName = displayName;
        this.variable = variable;
        this.port = port;
        this.addressPattern = addressPattern;
    }

    String displayName() {
        return displayName;
    }

    /** The contract's environment variable that points services at this server. */
    String variable() {
        return variable;
    }

    /** Its usual local port, shifted by the launcher's port offset. */
    int port(int offset) {
        return port + offset;
    }

    String embeddedAddress(int offset) {
        return addressPattern.formatted(port(offset));
    }

    /** The folder under the launcher's data directory that holds this server's data. */
    String folder() {
        return name().toLowerCase();
    }
}
