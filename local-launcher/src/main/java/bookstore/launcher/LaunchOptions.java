package bookstore.launcher;

import java.util.EnumSet;
import java.util.Set;

/** What the command line asked for. */
record LaunchOptions(boolean help, boolean fresh, Set<Service> services) {

    static final String USAGE = """
            Usage: ./shop [--fresh] [--only=SERVICE,...] [--help]

            Runs the whole bookstore on this machine: Kafka, PostgreSQL and a MongoDB wire-protocol
            server (embedded, data kept in .local-data/), every service, and the gateway on
            http://localhost:8080. Ctrl-C stops everything.

              --fresh           delete the data of earlier runs (.local-data/kafka, postgres, mongo) first
              --only=a,b        run only these services (and the servers they need); names:
                                %s (or module names such as order-service)
              --help            show this text

            Environment: set KAFKA_BOOTSTRAP_SERVERS, POSTGRES_URL (with POSTGRES_USER and
            POSTGRES_PASSWORD) or MONGODB_URI to use a server that already runs instead of the
            embedded one; the databases users, orders, inventory and payments are created on it
            if missing. BOOKSTORE_ADMIN_EMAIL and BOOKSTORE_ADMIN_PASSWORD reach user-service.
            """.formatted(Service.allNames());

    static LaunchOptions parse(String... arguments) {
        boolean help = false;
        boolean fresh = false;
        Set<Service> services = EnumSet.allOf(Service.class);
        for (String argument : arguments) {
            if (argument.equals("--help") || argument.equals("-h")) {
                help = true;
            } else if (argument.equals("--fresh")) {
                fresh = true;
            } else if (argument.startsWith("--only=")) {
                services = services(argument.substring("--only=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option: " + argument);
            }
        }
        return new LaunchOptions(help, fresh, services);
    }

    private static Set<Service> services(String list) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            services.add(Service.named(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "No service called '" + name.trim() + "'; choose from " + Service.allNames())));
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one service: " + Service.allNames());
        }
        return services;
    }
}
