package bookstore.launcher;

import bookstore.embedded.PostgresServer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which servers the chosen services need, which of them the launcher embeds and which the
 * environment already provides, the ports everything listens on, and the variables that point the
 * services at each other and at the servers.
 *
 * @param portOffset added to every usual port, so a second shop (a benchmark, the system tests) can
 *     run beside the one on the usual ports
 * @param data the folder that keeps this shop's data (signing keys among it)
 */
record InfrastructurePlan(
        Set<BackingServer> embedded,
        Map<BackingServer, String> external,
        Map<String, String> env,
        int portOffset,
        Path data) {

    static final String POSTGRES_USER = "POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";

    /** The folder under the data folder where analytics keeps its stores, which it builds from Kafka's topics. */
    static final String ANALYTICS_STATE = "analytics";

    /** Where a local shop's staff alerts (low stock) go unless NOTIFICATION_STAFF_ADDRESS says otherwise. */
    static final String STAFF = "staff@bookstore.local";

    /** The usual ports, data in the usual folder. */
    static InfrastructurePlan of(Collection<Service> services, Map<String, String> env) {
        return of(services, env, 0, Path.of(Launcher.DATA_FOLDER));
    }

    static InfrastructurePlan of(Collection<Service> services, Map<String, String> env, int portOffset, Path data) {
        Set<BackingServer> embedded = EnumSet.noneOf(BackingServer.class);
        Map<BackingServer, String> external = new EnumMap<>(BackingServer.class);
        for (Service service : services) {
            for (BackingServer server : service.needs()) {
                String given = env.get(server.variable());
                if (given == null || given.isBlank()) {
                    embedded.add(server);
                } else {
                    external.put(server, given.trim());
                }
            }
        }
        return new InfrastructurePlan(embedded, external, env, portOffset, data);
    }

    boolean needs(BackingServer server) {
        return embedded.contains(server) || external.containsKey(server);
    }

    boolean embeds(BackingServer server) {
        return embedded.contains(server);
    }

    String address(BackingServer server) {
        return embeds(server) ? server.embeddedAddress(portOffset) : external.get(server);
    }

    /** The address as a person reads it: the embedded mail server's host alone would not say which port. */
    String shownAddress(BackingServer server) {
        return server == BackingServer.MAIL && embeds(server)
                ? "smtp://" + address(server) + ":" + server.port(portOffset)
                : address(server);
    }

    /** The embedded server only knows its own role; an external one is reached as the user says. */
    String postgresUser() {
        return embeds(BackingServer.POSTGRES)
                ? PostgresServer.USER
                : env.getOrDefault(POSTGRES_USER, PostgresServer.USER);
    }

    String postgresPassword() {
        return embeds(BackingServer.POSTGRES)
                ? PostgresServer.PASSWORD
                : env.getOrDefault(POSTGRES_PASSWORD, PostgresServer.PASSWORD);
    }

    /** The contract's variables for one service, on top of what the launcher itself was given. */
    Map<String, String> environmentFor(Service service) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (BackingServer server : service.needs()) {
            variables.put(server.variable(), address(server));
        }
        if (service.needs().contains(BackingServer.MAIL) && embeds(BackingServer.MAIL)) {
            variables.put("SPRING_MAIL_PORT", String.valueOf(BackingServer.MAIL.port(portOffset)));
        }
        if (service.needs().contains(BackingServer.POSTGRES)) {
            variables.put(POSTGRES_USER, postgresUser());
            variables.put(POSTGRES_PASSWORD, postgresPassword());
            // Set explicitly: a POSTGRES_DB in the launcher's own environment would otherwise put
            // every service into one database.
            service.database().ifPresent(database -> variables.put("POSTGRES_DB", database));
        }
        variables.put("SERVER_PORT", String.valueOf(service.port(portOffset)));
        if (service.isGateway()) {
            variables.put("MANAGEMENT_PORT", String.valueOf(service.managementPort(portOffset)));
        }
        // Every service checks tokens against user-service's keys, wherever it listens.
        variables.put("JWKS_URI", Service.USER.url(portOffset) + "/api/auth/jwks");
        if (service == Service.USER) {
            variables.put("BOOKSTORE_KEYS_DIR", data.resolve("keys").toString());
        }
        if (service == Service.CATALOG) {
            // A local shop starts with the sample shelves (only ever into an empty catalogue).
            variables.put("CATALOG_SEED", "true");
        }
        if (service == Service.PAYMENT) {
            // The payment sandbox's QR codes and links lead people to its "scan to pay" page through the gateway.
            variables.put("SANDBOX_PUBLIC_URL", Service.GATEWAY.url(portOffset));
        }
        if (service == Service.ANALYTICS) {
            // Its stores live with the shop's other data, so a restart resumes instead of rebuilding.
            variables.put("ANALYTICS_STATE_DIR", data.resolve(ANALYTICS_STATE).toString());
            // One instance locally: no other to keep standby copies on.
            variables.put("ANALYTICS_STANDBY_REPLICAS", "0");
            // A local shop shows two years of (generated) history, imported once into an empty shop.
            variables.put("ANALYTICS_SEED_HISTORY", "true");
        }
        if (service == Service.NOTIFICATION) {
            // Links in mails lead through the gateway, like the storefront's own.
            variables.put("NOTIFICATION_SHOP_URL", Service.GATEWAY.url(portOffset));
            variables.put("NOTIFICATION_STAFF_ADDRESS", env.getOrDefault("NOTIFICATION_STAFF_ADDRESS", STAFF));
        }
        if (service.isGateway()) {
            for (Service routed : Service.values()) {
                if (!routed.isGateway()) {
                    variables.put(routed.name() + "_SERVICE_URL", routed.url(portOffset));
                }
            }
        }
        return variables;
    }
}
