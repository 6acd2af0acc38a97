package bookstore.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the command line asked for.
 *
 * @param data the data folder, relative to the repository unless absolute
 * @param portOffset added to every usual port
 */
record LaunchOptions(
        boolean help, boolean fresh, Set<Service> services, Path data, int portOffset, boolean throughput) {

    /** The highest offset that keeps every port (27017 for MongoDB the highest) below 65536. */
    static final int MAX_PORT_OFFSET = 38000;

    static final String USAGE = """
            Usage: ./shop [--fresh] [--only=SERVICE,...] [--data=DIR] [--port-offset=N] [--throughput] [--help]

            Runs the whole bookstore on this machine: Kafka, PostgreSQL, a MongoDB wire-protocol
            server (embedded, data kept in .local-data/) and a mail server whose mailbox shows what
            the shop sent (http://localhost:8025), every service, and the gateway on
            http://localhost:8080. Ctrl-C stops everything.

              --fresh           delete the data of earlier runs (kafka, postgres, mongo, analytics in the data folder) first
              --only=a,b        run only these services (and the servers they need); names:
                                %s (or module names such as order-service)
              --data=DIR        keep data and logs in DIR instead of .local-data
              --port-offset=N   add N to every port (gateway 8080+N, services 8081+N..8087+N, Kafka
                                9092+N, PostgreSQL 5432+N, MongoDB 27017+N, SMTP 3025+N, IMAP 3143+N,
                                mailbox 8025+N), to run a second shop beside
                                the first, e.g. for a benchmark
              --throughput      run the services with the optimising compiler and larger heaps, as in
                                production: slower to start, faster once warm (for benchmarks)
              --help            show this text

            Environment: set KAFKA_BOOTSTRAP_SERVERS, POSTGRES_URL (with POSTGRES_USER and
            POSTGRES_PASSWORD), MONGODB_URI or SPRING_MAIL_HOST (with SPRING_MAIL_PORT, _USERNAME,
            _PASSWORD) to use a server that already runs instead of the embedded one; the databases
            users, orders, inventory, payments and notifications are created on it if missing.
            Low-stock alerts go to NOTIFICATION_STAFF_ADDRESS (staff@bookstore.local). Every other
            variable (BOOKSTORE_ADMIN_EMAIL and BOOKSTORE_ADMIN_PASSWORD,
            GATEWAY_RATE_LIMITS_ENABLED, ...) reaches the services as it is.
            """.formatted(Service.allNames());

    static LaunchOptions parse(String... arguments) {
        boolean help = false;
        boolean fresh = false;
        Set<Service> services = EnumSet.allOf(Service.class);
        Path data = Path.of(Launcher.DATA_FOLDER);
        int portOffset = 0;
        boolean throughput = false;
        for (String argument : arguments) {
            if (argument.equals("--help") || argument.equals("-h")) {
                help = true;
            } else if (argument.equals("--fresh")) {
                fresh = true;
            } else if (argument.startsWith("--only=")) {
                services = services(argument.substring("--only=".length()));
            } else if (argument.startsWith("--data=")) {
                data = folder(argument.substring("--data=".length()));
            } else if (argument.equals("--throughput")) {
                throughput = true;
            } else if (argument.startsWith("--port-offset=")) {
                portOffset = portOffset(argument.substring("--port-offset=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option: " + argument);
            }
        }
        return new LaunchOptions(help, fresh, services, data, portOffset, throughput);
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

    private static Path folder(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--data needs a folder, e.g. --data=/tmp/shop");
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--data=" + value + " is not a usable folder: " + e.getMessage());
        }
    }

    private static int portOffset(String value) {
        int offset;
        try {
            offset = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port-offset needs a whole number, not '" + value + "'");
        }
        if (offset < 0 || offset > MAX_PORT_OFFSET) {
            throw new IllegalArgumentException(
                    "--port-offset must be between 0 and " + MAX_PORT_OFFSET + ", not " + offset);
        }
        return offset;
    }
}
