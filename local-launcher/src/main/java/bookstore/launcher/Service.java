package bookstore.launcher;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The shop's processes, in the order they are listed; the gateway is the front door. */
public enum Service {
    GATEWAY("gateway", 8080, 9080, null, EnumSet.noneOf(BackingServer.class)),
    CATALOG("catalog-service", 8081, 8081, null, EnumSet.of(BackingServer.KAFKA, BackingServer.MONGO)),
    USER("user-service", 8082, 8082, "users", EnumSet.of(BackingServer.KAFKA, BackingServer.POSTGRES)),
    ORDER("order-service", 8083, 8083, "orders", EnumSet.of(BackingServer.KAFKA, BackingServer.POSTGRES)),
    INVENTORY("inventory-service", 8084, 8084, "inventory", EnumSet.of(BackingServer.KAFKA, BackingServer.POSTGRES)),
    PAYMENT("payment-service", 8085, 8085, "payments", EnumSet.of(BackingServer.KAFKA, BackingServer.POSTGRES)),
    ANALYTICS("analytics-service", 8086, 8086, null, EnumSet.of(BackingServer.KAFKA)),
    NOTIFICATION(
            "notification-service",
            8087,
            8087,
            "notifications",
            EnumSet.of(BackingServer.KAFKA, BackingServer.POSTGRES, BackingServer.MAIL));

    private final String module;
    private final int port;
    private final int managementPort;
    private final String database;
    private final Set<BackingServer> needs;

    Service(String module, int port, int managementPort, String database, Set<BackingServer> needs) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
        this.database = database;
        this.needs = needs;
    }

    /** Finds a service by module name ({@code order-service}) or short name ({@code order}). */
    static Optional<Service> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(service ->
                        service.module.equals(wanted) || service.shortName().equals(wanted))
                .findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(Service::shortName).collect(Collectors.joining(", "));
    }

    public String module() {
        return module;
    }

    public String shortName() {
        return module.replace("-service", "");
    }

    /** Its usual local port, shifted by the launcher's port offset. */
    int port(int offset) {
        return port + offset;
    }

    /** Where actuator answers: the gateway keeps it off its public port. */
    int managementPort(int offset) {
        return managementPort + offset;
    }

    List<Integer> ports(int offset) {
        return port == managementPort ? List.of(port(offset)) : List.of(port(offset), managementPort(offset));
    }

    String url(int offset) {
        return "http://localhost:" + port(offset);
    }

    String readinessUrl(int offset) {
        return "http://localhost:" + managementPort(offset) + "/actuator/health/readiness";
    }

    /** The PostgreSQL database this service owns, if it has one. */
    Optional<String> database() {
        return Optional.ofNullable(database);
    }

    Set<BackingServer> needs() {
        return needs;
    }

    boolean isGateway() {
        return this == GATEWAY;
    }
}
