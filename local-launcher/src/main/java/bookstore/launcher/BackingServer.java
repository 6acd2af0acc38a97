package bookstore.launcher;

import java.util.List;

/**
 * A server the services need. Each is embedded on its usual local port unless its environment
 * variable names one that already runs.
 */
enum BackingServer {
    KAFKA("Kafka", "KAFKA_BOOTSTRAP_SERVERS", 9092, "localhost:%d"),
    POSTGRES("PostgreSQL", "POSTGRES_URL", 5432, "postgresql://localhost:%d"),
    MONGO("MongoDB", "MONGODB_URI", 27017, "mongodb://localhost:%d/catalog"),
    /** SMTP where the services send mail; the embedded one also serves IMAP and a mailbox page to read it. */
    MAIL("Mail (SMTP)", "SPRING_MAIL_HOST", 3025, "localhost");

    /** The embedded mail server's IMAP port and its HTTP mailbox's, beside SMTP's. */
    static final int IMAP_PORT = 3143;

    static final int MAILBOX_PORT = 8025;

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

    /** Every port the embedded server listens on, shifted by the offset. */
    List<Integer> ports(int offset) {
        return this == MAIL ? List.of(port(offset), IMAP_PORT + offset, MAILBOX_PORT + offset) : List.of(port(offset));
    }

    String embeddedAddress(int offset) {
        return addressPattern.formatted(port(offset));
    }

    /** The folder under the launcher's data directory that holds this server's data. */
    String folder() {
        return name().toLowerCase();
    }
}
