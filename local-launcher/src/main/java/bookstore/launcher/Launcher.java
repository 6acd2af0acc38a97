package bookstore.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code ./shop}: runs a {@link LocalShop} until Ctrl-C stops it all again in order. */
public final class Launcher {

    static final String DATA_FOLDER = ".local-data";

    private final LaunchOptions options;
    private final Path repository;
    private final Path data;
    private final PrintStream out;
    private final LocalShop shop;

    Launcher(LaunchOptions options, Path repository, Map<String, String> environment, PrintStream out) {
        this.options = options;
        this.repository = repository;
        this.data = repository.resolve(options.data());
        this.out = out;
        this.shop = new LocalShop(new LocalShop.Settings(
                repository,
                data,
                options.services(),
                options.portOffset(),
                options.fresh(),
                environment,
                true,
                options.throughput(),
                out));
    }

    public static void main(String[] arguments) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        Path repository = Path.of("").toAbsolutePath();
        // Read by logback.xml: the embedded servers log to a file, not over the launcher's output.
        System.setProperty(
                "bookstore.launcher.logs",
                repository.resolve(options.data()).resolve("logs").toString());
        Launcher launcher = new Launcher(options, repository, System.getenv(), System.out);
        int status;
        try {
            status = launcher.run();
        } catch (RuntimeException | Error e) {
            // Nobody would be left to stop the children: the embedded servers' threads keep this
            // JVM alive after its main thread dies.
            e.printStackTrace();
            launcher.stop();
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    int run() {
        long begin = System.nanoTime();
        if (!Files.isRegularFile(repository.resolve("pom.xml"))) {
            System.err.println("Run the launcher from the repository root, or use ./shop.");
            return 2;
        }
        List<String> problems = shop.problems(projectVersion());
        if (!problems.isEmpty()) {
            System.err.println("Cannot start the shop:");
            problems.forEach(problem -> System.err.println("  " + problem));
            System.err.println("Services are built by ./shop (it runs ./mvnw -DskipTests package when sources change);"
                    + " leave some out with --only=..., or run beside another shop with --port-offset=N.");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-the-shop"));
        try {
            shop.start(projectVersion());
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Start-up failed: " + e.getMessage());
            System.err.println("If data kept from an earlier run no longer fits the code (a changed migration, say),"
                    + " ./shop --fresh starts from empty servers.");
            return 1;
        }
        printSummary(begin);
        for (Service service : options.services()) {
            shop.onCrash(service, () -> {
                System.err.println();
                System.err.println(service.module() + " stopped unexpectedly; its log is " + shop.log(service));
                System.err.println("The rest of the shop keeps running; Ctrl-C stops it.");
            });
        }
        awaitShutdownSignal();
        return 0;
    }

    private void printSummary(long begin) {
        InfrastructurePlan plan = shop.plan();
        Map<String, String> rows = new LinkedHashMap<>();
        for (Service service : options.services()) {
            String url = shop.url(service);
            rows.put(
                    service.module(),
                    service.isGateway() ? url + "   (actuator on :" + shop.managementPort(service) + ")" : url);
        }
        for (BackingServer server : BackingServer.values()) {
            if (plan.needs(server)) {
                String where = !plan.embeds(server)
                        ? "external, from " + server.variable()
                        : server == BackingServer.MAIL
                                ? "embedded, mail kept until the shop stops"
                                : "embedded, data in " + displayed(data.resolve(server.folder()));
                rows.put(server.displayName(), plan.shownAddress(server) + "   (" + where + ")");
                if (server == BackingServer.MAIL) {
                    shop.mail()
                            .ifPresent(mail -> rows.put(
                                    "Mailbox",
                                    mail.mailboxUrl() + "   (what the shop sent; IMAP on :" + mail.imapPort()
                                            + ", any password)"));
                }
            }
        }
        out.println();
        out.println("The bookstore is running (started in " + Durations.since(begin) + "):");
        rows.forEach((name, value) -> out.printf("  %-20s %s%n", name, value));
        out.println("Logs: " + shop.logs());
        if (shop.recordsClassData()) {
            out.println("First run of this build: the services write class-data archives when they stop,"
                    + " which makes the next start faster and this stop slower.");
        }
        out.println("Press Ctrl-C to stop everything.");
    }

    private String displayed(Path path) {
        return path.startsWith(repository) ? repository.relativize(path).toString() : path.toString();
    }

    /** Runs once, from the shutdown hook or after a failed start. */
    private void stop() {
        long begin = System.nanoTime();
        out.println();
        out.println("Stopping the shop...");
        shop.close();
        out.println("Stopped in " + Durations.since(begin) + ".");
    }

    private static void awaitShutdownSignal() {
        try {
            // The shutdown hook does the work when Ctrl-C or SIGTERM arrives.
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = Launcher.class.getResourceAsStream("/launcher.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("launcher.properties is missing from the launcher jar", e);
        }
        return properties.getProperty("version");
    }
}
