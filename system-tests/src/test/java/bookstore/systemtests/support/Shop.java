package bookstore.systemtests.support;

import bookstore.embedded.MailServer;
import bookstore.launcher.LocalShop;
import bookstore.launcher.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shop under test, started from the service jars the build just packaged, on ports of its own
 * (a shop started with {@code ./shop} may run beside it) and with data in {@code target/shop}
 * ({@code target/shop-<offset>} for a second run beside a first).
 * Tests reach it as customers and admins do: through the gateway.
 */
public final class Shop implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@system-tests.example";
    public static final String ADMIN_PASSWORD = "Tall-Shelves-of-Paper-42";
    public static final String PASSWORD = "Reading-Lamp-and-Tea-7";
    public static final String STAFF_EMAIL = "staff@system-tests.example";

    // Offsets that keep every port (MongoDB's 27017 the highest) below Linux's ephemeral range.
    private static final List<Integer> PORT_OFFSETS = List.of(3000, 3500, 4000, 4500, 5000, 5500);
    // Access tokens live 15 minutes; a fresh admin login well before that.
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(10);

    private static final HttpClient PROBES =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalShop shop;
    private final Path data;
    private final URI gateway;
    private final AtomicInteger clients = new AtomicInteger();
    private Customer admin;
    private Instant adminSince;

    private Shop(LocalShop shop, Path data, URI gateway) {
        this.shop = shop;
        this.data = data;
        this.gateway = gateway;
    }

    static Shop start() {
        Path repository = Path.of(System.getProperty("bookstore.repository", ".."))
                .toAbsolutePath()
                .normalize();
        Path data = Path.of(System.getProperty("bookstore.shop.data", "target/shop"))
                .toAbsolutePath();
        String version = System.getProperty("bookstore.version");
        PrintStream out = System.out;
        List<String> problems = List.of();
        for (int offset : PORT_OFFSETS) {
            // A shop already runs on the first ports (a second run of the system tests in this checkout):
            // this one keeps its data apart, or starting it afresh would delete the running one's.
            Path folder =
                    offset == PORT_OFFSETS.getFirst() ? data : data.resolveSibling(data.getFileName() + "-" + offset);
            LocalShop candidate = new LocalShop(settings(repository, folder, offset, out));
            problems = candidate.problems(version);
            if (problems.isEmpty()) {
                // Should the test JVM be stopped before the run ends, its child JVMs go with it.
                Runtime.getRuntime().addShutdownHook(new Thread(candidate::close, "stop-the-test-shop"));
                candidate.start(version);
                return new Shop(candidate, folder, URI.create(candidate.url(Service.GATEWAY)));
            }
        }
        throw new IllegalStateException("Cannot start the shop for the system tests: " + String.join("; ", problems));
    }

    private static LocalShop.Settings settings(Path repository, Path data, int offset, PrintStream out) {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("BOOKSTORE_ADMIN_EMAIL", ADMIN_EMAIL),
                Map.entry("BOOKSTORE_ADMIN_PASSWORD", ADMIN_PASSWORD),
                // The back-off after failed logins starts at 30 s; the brute-force test waits it out.
                Map.entry("BOOKSTORE_IDENTITY_LOGINTHROTTLE_FIRSTWAIT", "3s"),
                // Rotated signing keys are read within a second instead of a minute.
                Map.entry("BOOKSTORE_IDENTITY_KEYSRELOADINTERVAL", "1s"),
                // The sandbox carrier moves a shipped parcel every second instead of every 20.
                Map.entry("SANDBOX_CARRIER_PACE", "1s"),
                // An order waits 30 s instead of 15 min for a payment its customer completes (a QR code to scan),
                // so that the tests see unpaid orders cancelled.
                Map.entry("ORDER_PAYMENT_TIMEOUT", "30s"),
                // Known to the tests, so that they can sign a stale or replayed carrier push of their own.
                Map.entry("BOOKSTORE_SHIPPING_SANDBOX_SALT", SANDBOX_CARRIER_SALT),
                // Low-stock alerts go to an address the tests read.
                Map.entry("NOTIFICATION_STAFF_ADDRESS", STAFF_EMAIL),
                Map.entry("LOG_FORMAT", "ecs"));
        return new LocalShop.Settings(
                repository, data, EnumSet.allOf(Service.class), offset, true, environment, false, false, out);
    }

    /** What the sandbox carrier signs its pushes with in the test shop. */
    public static final String SANDBOX_CARRIER_SALT = "system-tests-sandbox-carrier-salt";

    /** A new client at an address of its own: the gateway's rate limits count per client address. */
    public Client client() {
        int n = clients.incrementAndGet();
        // 100.64.0.0/10 (shared address space): not one of the gateway's trusted proxy ranges.
        return new Client(gateway, "100.64." + (n / 250) + "." + (n % 250 + 1));
    }

    /** A newly registered customer, logged in, with a client of their own. */
    public Customer newCustomer() {
        Client client = client();
        String email = "reader-" + UUID.randomUUID() + "@system-tests.example";
        client.post("/api/users", Map.of("email", email, "password", PASSWORD, "displayName", "A Reader"))
                .expect(201);
        return Customer.logIn(client, email, PASSWORD);
    }

    /** The administrator the shop was started with, logged in. */
    public synchronized Customer admin() {
        if (admin == null || adminSince.plus(ADMIN_TOKEN_REUSE).isBefore(Instant.now())) {
            admin = Customer.logIn(client(), ADMIN_EMAIL, ADMIN_PASSWORD);
            adminSince = Instant.now();
        }
        return admin;
    }

    public URI gateway() {
        return gateway;
    }

    /** A service's own address, behind the gateway: for what only operators reach, such as actuator. */
    public URI direct(Service service) {
        return URI.create(shop.url(service));
    }

    public int managementPort(Service service) {
        return shop.managementPort(service);
    }

    /** Whether the service's readiness probe answers UP, as Kubernetes asks it. */
    public boolean isReady(Service service) {
        try {
            HttpRequest readiness = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + managementPort(service) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return PROBES.send(readiness, HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException unreachable) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What the service's actuator shows for Prometheus to scrape (the gateway's on its management port). */
    public String metrics(Service service) {
        HttpRequest scrape = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort(service) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> metrics = PROBES.send(scrape, HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                throw new AssertionError(service.module() + "'s metrics answered " + metrics.statusCode());
            }
            return metrics.body();
        } catch (IOException e) {
            throw new UncheckedIOException(service.module() + "'s metrics cannot be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public String kafkaBootstrapServers() {
        return shop.address("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** The folder user-service signs tokens from: an operator rotates keys there. */
    public Path signingKeys() {
        return data.resolve("keys");
    }

    public void stop(Service service) {
        shop.stop(service);
    }

    /** Starts stopped services again, side by side, and waits until all are ready. */
    public void restart(Service... services) {
        shop.restart(services);
    }

    /** Kills a service with SIGKILL, as a crash would: no graceful shutdown, nothing handed over. */
    public void kill(Service service) {
        shop.kill(service);
    }

    /** Stops PostgreSQL for real (a fast shutdown that ends every session), as an outage would. */
    public void stopPostgres() {
        shop.stopPostgres();
    }

    /** Kills PostgreSQL (SIGKILL to the postmaster and its backends); {@link #startPostgres()} recovers it. */
    public void killPostgres() {
        shop.killPostgres();
    }

    public void startPostgres() {
        shop.startPostgres();
    }

    /** Stops the Kafka broker (a controlled shutdown), as an outage would; the services keep running. */
    public void stopKafka() {
        shop.stopKafka();
    }

    /** Kills the Kafka broker's process (SIGKILL), as a crash would. */
    public void killKafka() {
        shop.killKafka();
    }

    /** Starts the Kafka broker again on its port and log folder, once it serves clients. */
    public void startKafka() {
        shop.startKafka();
    }

    /** The shop's embedded mail server: everything the shop sent. */
    public MailServer mail() {
        return shop.mail().orElseThrow(() -> new IllegalStateException("this shop embeds no mail server"));
    }

    /** A JDBC connection to one service's own database on the shop's PostgreSQL, as its owner. */
    public Connection database(String name) throws SQLException {
        String server = shop.address("POSTGRES_URL");
        return DriverManager.getConnection("jdbc:" + server + "/" + name, shop.postgresUser(), shop.postgresPassword());
    }

    /** The catalogue's MongoDB address (with its database). */
    public String mongoUri() {
        return shop.address("MONGODB_URI");
    }

    @Override
    public void close() {
        shop.close();
    }
}
