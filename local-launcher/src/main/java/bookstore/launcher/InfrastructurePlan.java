package bookstore.launcher;

import bookstore.embedded.PostgresServer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which servers the chosen services need, which of them the launcher embeds and which the
 * environment already provides, and the variables that point the services at them.
 */
record InfrastructurePlan(Set<BackingServer> embedded, Map<BackingServer, String> external, Map<String, String> env) {

    static final String POSTGRES_USER = "POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";

    static InfrastructurePlan of(Collection<Service> services, Map<String, String> env) {
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
        return new InfrastructurePlan(embedded, external, env);
    }

    boolean needs(BackingServer server) {
        return embedded.contains(server) || external.containsKey(server);
    }

    boolean embeds(BackingServer server) {
        return embedded.contains(server);
    }

    String address(BackingServer server) {
        return embeds(server) ? server.embeddedAddress() : external.get(server);
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
        if (service.needs().contains(BackingServer.POSTGRES)) {
            variables.put(POSTGRES_USER, postgresUser());
            variables.put(POSTGRES_PASSWORD, postgresPassword());
            // Set explicitly: a POSTGRES_DB in the launcher's own environment would otherwise put
            // every service into one database.
            service.database().ifPresent(database -> variables.put("POSTGRES_DB", database));
        }
        if (service == Service.CATALOG) {
            // A local shop starts with the sample shelves (only ever into an empty catalogue).
            variables.put("CATALOG_SEED", "true");
        }
        if (service.isGateway()) {
            for (Service routed : Service.values()) {
                if (!routed.isGateway()) {
                    variables.put(routed.name() + "_SERVICE_URL", routed.url());
                }
            }
        }
        return variables;
    }
}
