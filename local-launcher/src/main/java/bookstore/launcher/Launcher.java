package bookstore.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the whole shop on one machine: the servers the services need, then every service as a child
 * JVM, until Ctrl-C stops it all again in order.
 */
public final class Launcher {

    static final String DATA_FOLDER = ".local-data";

    // Every Spring Boot service starts at once on what may be a two-core laptop.
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    // Spring's graceful shutdown takes seconds; writing a class-data archive at exit, on the first
    // stop after a build, takes longer while every service does it at once.
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 20;

    private final LaunchOptions options;
    private final Path repository;
    private final Path data;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private final ClassDataSharing classDataSharing;

    private final List<ServiceProcess> running = new ArrayList<>();
    private LocalInfrastructure infrastructure;
    private boolean stopping;

    Launcher(LaunchOptions options, Path repository, Map<String, String> environment, PrintStream out) {
        this.options = options;
        this.repository = repository;
        this.data = repository.resolve(DATA_FOLDER);
        this.environment = environment;
        this.out = out;
        this.classDataSharing = new ClassDataSharing(data.resolve("cds"), javaHome);
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
                repository.resolve(DATA_FOLDER).resolve("logs").toString());
        Launcher launcher = new Launcher(options, repository, System.getenv(), System.out);
        int status;
        try {
            status = launcher.run();
        } catch (RuntimeException | Error e) {
            // Nobody would be left to stop the children: the embedded servers' threads keep this
            // JVM alive after its main thread dies.
            e.printStackTrace();
            launcher.stopEverything();
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
        ServiceJars.Located jars = ServiceJars.locate(repository, projectVersion(), options.services());
        if (!jars.complete()) {
            System.err.println("Cannot start the shop, some services are not built:");
            jars.problems().forEach(problem -> System.err.println("  " + problem));
            System.err.println("Build them with ./shop (it runs ./mvnw -DskipTests package when sources change),"
                    + " or leave them out with --only=...");
            return 1;
        }
        InfrastructurePlan plan = InfrastructurePlan.of(options.services(), environment);
        List<String> taken = takenPorts(plan);
        if (!taken.isEmpty()) {
            System.err.println("Cannot start the shop, ports are in use:");
            taken.forEach(problem -> System.err.println("  " + problem));
            return 1;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "stop-the-shop"));
        Map<Service, ClassDataSharing.Launch> prepared;
        try {
            prepareDataFolder();
            // Extracting freshly built jars takes a few seconds each; it overlaps the servers' start.
            CompletableFuture<Map<Service, ClassDataSharing.Launch>> launches =
                    CompletableFuture.supplyAsync(() -> prepareLaunches(jars.jars()));
            out.println("Starting servers:");
            synchronized (this) {
                if (stopping) {
                    return 1;
                }
                infrastructure = LocalInfrastructure.start(plan, data, options.services(), out);
            }
            prepared = launches.join();
            out.println("Starting services (logs in " + repository.relativize(logs()) + "/):");
            startServices(plan, prepared);
            if (!awaitReadiness()) {
                stopEverything();
                return 1;
            }
        } catch (RuntimeException e) {
            System.err.println("Start-up failed: " + e.getMessage());
            stopEverything();
            return 1;
        }
        printSummary(plan, begin, prepared);
        watchForCrashes();
        awaitShutdownSignal();
        return 0;
    }

    private List<String> takenPorts(InfrastructurePlan plan) {
        List<String> taken = new ArrayList<>();
        for (BackingServer server : BackingServer.values()) {
            if (plan.embeds(server) && Ports.isTaken(server.port())) {
                taken.add(server.port() + " (" + server.displayName() + "): set " + server.variable()
                        + " to use the server that runs there, or stop it");
            }
        }
        for (Service service : options.services()) {
            for (int port : service.ports()) {
                if (Ports.isTaken(port)) {
                    taken.add(port + " (" + service.module() + "): is another ./shop still running?");
                }
            }
        }
        return taken;
    }

    private void prepareDataFolder() {
        if (options.fresh()) {
            for (BackingServer server : BackingServer.values()) {
                Folders.deleteRecursively(data.resolve(server.folder()));
            }
            out.println("Deleted the data of earlier runs (--fresh).");
        }
        try {
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Service, ClassDataSharing.Launch> prepareLaunches(Map<Service, Path> jars) {
        Map<Service, ClassDataSharing.Launch> launches = new EnumMap<>(Service.class);
        jars.forEach((service, jar) -> launches.put(service, classDataSharing.prepare(service, jar)));
        return launches;
    }

    private void startServices(InfrastructurePlan plan, Map<Service, ClassDataSharing.Launch> launches) {
        for (Service service : options.services()) {
            ClassDataSharing.Launch launch = launches.get(service);
            List<String> command = new ArrayList<>(List.of(
                    javaHome.resolve("bin").resolve("java").toString(),
                    // Modest heaps and the C1 compiler only: six JVMs share a laptop, and start-up
                    // time matters more here than peak throughput.
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    // Netty loads its native transport; allowed explicitly rather than warned about.
                    "--enable-native-access=ALL-UNNAMED",
                    // A crash report belongs with the logs, not in the working tree.
                    "-XX:ErrorFile=" + logs().resolve("hs_err_" + service.module() + "_%p.log")));
            if (Runtime.version().feature() >= 24) {
                // Netty and Kafka still use sun.misc.Unsafe, which JDK 24+ warns about on every start.
                command.add("--sun-misc-unsafe-memory-access=allow");
            }
            command.addAll(launch.jvmOptions());
            command.addAll(List.of("-jar", launch.jar().toString()));
            Map<String, String> variables = plan.environmentFor(service);
            // Started and registered in one step, so a Ctrl-C now either sees the child and stops
            // it, or comes first and no child is started.
            synchronized (this) {
                if (stopping) {
                    return;
                }
                running.add(
                        ServiceProcess.start(service, command, variables, logs().resolve(service.module() + ".log")));
            }
        }
    }

    /** Polls every service until all report ready; a child that exits or never gets ready fails the start. */
    private boolean awaitReadiness() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long begin = System.nanoTime();
        long deadline = begin + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(running);
        while (!waiting.isEmpty()) {
            if (isStopping()) {
                return false;
            }
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    reportFailure(process, "exited with status " + process.exitCode() + " during start-up");
                    return false;
                }
                if (process.isReady(http)) {
                    out.printf("  %-18s ready in %s%n", process.service().module(), Durations.since(begin));
                    waiting.remove(process);
                }
            }
            if (System.nanoTime() > deadline) {
                waiting.forEach(
                        process -> reportFailure(process, "was not ready after " + READY_TIMEOUT.toSeconds() + " s"));
                return false;
            }
            sleep(POLL_INTERVAL);
        }
        return true;
    }

    private void reportFailure(ServiceProcess process, String what) {
        System.err.println();
        System.err.println(process.service().module() + " " + what + ". Last lines of "
                + repository.relativize(process.log()) + ":");
        process.tail(LOG_TAIL_LINES).forEach(line -> System.err.println("  | " + LogLines.readable(line)));
        System.err.println("If data kept from an earlier run no longer fits the code (a changed migration, say),"
                + " ./shop --fresh starts from empty servers.");
    }

    private void printSummary(InfrastructurePlan plan, long begin, Map<Service, ClassDataSharing.Launch> launches) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Service service : options.services()) {
            String url = service.url();
            rows.put(
                    service.module(),
                    service.isGateway() ? url + "   (actuator on :" + service.managementPort() + ")" : url);
        }
        for (BackingServer server : BackingServer.values()) {
            if (plan.needs(server)) {
                String where = plan.embeds(server)
                        ? "embedded, data in " + DATA_FOLDER + "/" + server.folder()
                        : "external, from " + server.variable();
                rows.put(server.displayName(), plan.address(server) + "   (" + where + ")");
            }
        }
        out.println();
        out.println("The bookstore is running (started in " + Durations.since(begin) + "):");
        rows.forEach((name, value) -> out.printf("  %-18s %s%n", name, value));
        out.println("Logs: " + logs());
        if (launches.values().stream().anyMatch(ClassDataSharing.Launch::recording)) {
            out.println("First run of this build: the services write class-data archives when they stop,"
                    + " which makes the next start faster and this stop slower.");
        }
        out.println("Press Ctrl-C to stop everything.");
    }

    private void watchForCrashes() {
        for (ServiceProcess process : running) {
            process.onExit(() -> {
                if (isStopping()) {
                    return;
                }
                reportFailure(process, "stopped unexpectedly (status " + process.exitCode() + ")");
                System.err.println("The rest of the shop keeps running; Ctrl-C stops it.");
            });
        }
    }

    /**
     * Stops the gateway first, so no request reaches a service that is going away, then the
     * services, then the servers they used. Runs once, from the shutdown hook or after a failed start.
     */
    private synchronized void stopEverything() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (running.isEmpty() && infrastructure == null) {
            return;
        }
        long begin = System.nanoTime();
        out.println();
        out.println("Stopping the shop...");
        // The front door closes first; the JVMs then exit side by side, since a first stop after a
        // build spends most of its time writing class-data archives.
        running.stream().filter(process -> process.service().isGateway()).forEach(this::closeFrontDoor);
        running.forEach(ServiceProcess::requestStop);
        running.forEach(this::awaitStop);
        running.clear();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
            out.println("  servers stopped");
        }
        out.println("Stopped in " + Durations.since(begin) + ".");
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Asks the gateway to stop and waits until it no longer accepts connections. */
    private void closeFrontDoor(ServiceProcess gateway) {
        gateway.requestStop();
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (gateway.isAlive() && Ports.isTaken(gateway.service().port()) && System.nanoTime() < deadline) {
            sleep(POLL_INTERVAL);
        }
    }

    private void awaitStop(ServiceProcess process) {
        boolean graceful = process.awaitStop(STOP_GRACE);
        out.printf(
                "  %-18s %s%n",
                process.service().module(), graceful ? "stopped" : "killed after " + STOP_GRACE.toSeconds() + " s");
    }

    private static void awaitShutdownSignal() {
        try {
            // The shutdown hook does the work when Ctrl-C or SIGTERM arrives.
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path logs() {
        return data.resolve("logs");
    }

    private static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = Launcher.class.getResourceAsStream("/launcher.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("launcher.properties is missing from the launcher jar", e);
        }
        return properties.getProperty("version");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
