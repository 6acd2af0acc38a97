package bookstore.launcher;

import bookstore.embedded.MailServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The whole shop on this machine: the servers the services need, then every service as a child
 * JVM. {@code ./shop} runs one until Ctrl-C; the system tests run one, stop and start single
 * services in it, and close it.
 */
public final class LocalShop implements AutoCloseable {

    // Every Spring Boot service starts at once on what may be a two-core laptop, or a build machine
    // whose other builds keep its load at 30 (seen: catalog-service ready after 4.5 min).
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    // Spring's graceful shutdown takes seconds; writing a class-data archive at exit, on the first
    // stop after a build, takes longer while every service does it at once.
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 20;

    /**
     * How to run a shop.
     *
     * @param repository the checkout, whose modules' target folders hold the service jars
     * @param data where the servers keep their data and the services their logs
     * @param environment the variables that decide which servers are embedded; the services see
     *     them on top of this JVM's own
     * @param classDataSharing whether to start services from class-data archives (faster from the
     *     second run of a build on; the first stop writes them, which a one-off run does not need)
     * @param throughput run the services as in production, with the optimising compiler and larger
     *     heaps: slower to start, faster once warm (benchmarks); otherwise tuned for a quick start
     */
    public record Settings(
            Path repository,
            Path data,
            Set<Service> services,
            int portOffset,
            boolean fresh,
            Map<String, String> environment,
            boolean classDataSharing,
            boolean throughput,
            PrintStream out) {}

    private final Settings settings;
    private final InfrastructurePlan plan;
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private final ChildJvm jvm;
    private final ClassDataSharing classDataSharing;
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final List<Runnable> crashListeners = new ArrayList<>();
    private Map<Service, ClassDataSharing.Launch> launches = Map.of();
    private LocalInfrastructure infrastructure;
    private boolean stopping;

    public LocalShop(Settings settings) {
        this.settings = settings;
        this.plan = InfrastructurePlan.of(
                settings.services(), settings.environment(), settings.portOffset(), settings.data());
        this.classDataSharing = new ClassDataSharing(settings.data().resolve("cds"), javaHome);
        this.jvm = new ChildJvm(javaHome, settings.throughput(), logs());
    }

    /** Why the shop cannot start before anything was started: missing jars, ports in use. */
    public List<String> problems(String version) {
        List<String> problems = new ArrayList<>(ServiceJars.locate(settings.repository(), version, settings.services())
                .problems());
        for (BackingServer server : BackingServer.values()) {
            if (!plan.embeds(server)) {
                continue;
            }
            for (int port : server.ports(settings.portOffset())) {
                if (Ports.isTaken(port)) {
                    problems.add(port + " (" + server.displayName() + ") is in use: set " + server.variable()
                            + " to use the server that runs there, or stop it");
                }
            }
        }
        for (Service service : settings.services()) {
            for (int port : service.ports(settings.portOffset())) {
                if (Ports.isTaken(port)) {
                    problems.add(port + " (" + service.module() + ") is in use: is another shop still running?");
                }
            }
        }
        return problems;
    }

    /**
     * Starts the servers, then every service, and waits until all are ready. A failure stops what
     * was started and explains itself in the exception's message.
     */
    public void start(String version) {
        ServiceJars.Located jars = ServiceJars.locate(settings.repository(), version, settings.services());
        if (!jars.complete()) {
            throw new IllegalStateException("some services are not built: " + String.join("; ", jars.problems()));
        }
        PrintStream out = settings.out();
        try {
            prepareDataFolder();
            // Extracting freshly built jars takes a few seconds each; it overlaps the servers' start.
            CompletableFuture<Map<Service, ClassDataSharing.Launch>> prepared =
                    CompletableFuture.supplyAsync(() -> prepareLaunches(jars.jars()));
            out.println("Starting servers:");
            synchronized (this) {
                if (stopping) {
                    throw new IllegalStateException("stopped while starting");
                }
                infrastructure =
                        LocalInfrastructure.start(plan, settings.data(), settings.services(), jvm, logs(), out);
            }
            launches = prepared.join();
            out.println("Starting services (logs in " + logs() + "/):");
            long begin = System.nanoTime();
            settings.services().forEach(service -> launch(service, false));
            awaitReady(List.copyOf(running.values()), begin);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops one service gracefully (SIGTERM, as an orchestrator would), leaving the rest running. */
    public void stop(Service service) {
        ServiceProcess process;
        synchronized (this) {
            process = running.remove(service);
        }
        if (process != null) {
            process.requestStop();
            awaitStop(process);
        }
    }

    /**
     * Kills one service as a crash would (SIGKILL: no graceful shutdown, nothing handed over),
     * leaving the rest running; {@link #restart} starts it again.
     */
    public void kill(Service service) {
        ServiceProcess process;
        synchronized (this) {
            process = running.remove(service);
        }
        if (process == null) {
            throw new IllegalStateException(service.module() + " is not running");
        }
        process.kill();
        settings.out().printf("  %-20s killed%n", service.module());
    }

    /** Starts stopped services again, side by side, and waits until all are ready. */
    public void restart(Service... services) {
        for (Service service : services) {
            if (isRunning(service)) {
                throw new IllegalStateException(service.module() + " is still running");
            }
        }
        long begin = System.nanoTime();
        List<ServiceProcess> processes = new ArrayList<>();
        for (Service service : services) {
            processes.add(launch(service, true));
        }
        awaitReady(processes, begin);
    }

    /** Stops the embedded PostgreSQL server, as an outage would; the services keep running. */
    public void stopPostgres() {
        infrastructure().stopPostgres();
    }

    /** Kills the embedded PostgreSQL server (SIGKILL to the postmaster and its backends), as a crash would. */
    public void killPostgres() {
        infrastructure().killPostgres();
    }

    /** Starts the embedded PostgreSQL server again, with its data (after a kill, recovered from its WAL). */
    public void startPostgres() {
        infrastructure().startPostgres();
    }

    /** Stops the embedded Kafka broker (a controlled shutdown), as an outage would; the services keep running. */
    public void stopKafka() {
        infrastructure().stopKafka();
    }

    /** Kills the embedded Kafka broker (SIGKILL), as a crash would; the services keep running. */
    public void killKafka() {
        infrastructure().killKafka();
    }

    /** Starts the embedded Kafka broker again on its port, with its log, once it serves clients. */
    public void startKafka() {
        infrastructure().startKafka();
    }

    private synchronized LocalInfrastructure infrastructure() {
        if (infrastructure == null) {
            throw new IllegalStateException("the shop is not running");
        }
        return infrastructure;
    }

    public synchronized boolean isRunning(Service service) {
        ServiceProcess process = running.get(service);
        return process != null && process.isAlive();
    }

    /** Called when a service exits on its own, i.e. not from {@link #stop} or {@link #close}. */
    public void onCrash(Service service, Runnable action) {
        ServiceProcess process;
        synchronized (this) {
            process = running.get(service);
        }
        if (process != null) {
            process.onExit(() -> {
                if (isRegistered(process)) {
                    action.run();
                }
            });
        }
    }

    public String url(Service service) {
        return service.url(settings.portOffset());
    }

    public int managementPort(Service service) {
        return service.managementPort(settings.portOffset());
    }

    /** Where the services find Kafka, PostgreSQL or MongoDB, as their variables say. */
    public String address(String variable) {
        for (BackingServer server : BackingServer.values()) {
            if (server.variable().equals(variable) && plan.needs(server)) {
                return plan.address(server);
            }
        }
        throw new IllegalArgumentException("No server behind " + variable + " in this shop");
    }

    /** The embedded mail server and what it received, if this shop embeds one. */
    public Optional<MailServer> mail() {
        LocalInfrastructure servers = infrastructure;
        return servers == null ? Optional.empty() : servers.mail();
    }

    public String postgresUser() {
        return plan.postgresUser();
    }

    public String postgresPassword() {
        return plan.postgresPassword();
    }

    InfrastructurePlan plan() {
        return plan;
    }

    boolean recordsClassData() {
        return launches.values().stream().anyMatch(ClassDataSharing.Launch::recording);
    }

    public Path logs() {
        return settings.data().resolve("logs");
    }

    public Path log(Service service) {
        return logs().resolve(service.module() + ".log");
    }

    /**
     * Stops the gateway first, so no request reaches a service that is going away, then the
     * services side by side, then the servers they used. Safe to call more than once.
     */
    @Override
    public void close() {
        List<ServiceProcess> processes;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            processes = List.copyOf(running.values());
            running.clear();
        }
        PrintStream out = settings.out();
        processes.stream().filter(process -> process.service().isGateway()).forEach(this::closeFrontDoor);
        processes.forEach(ServiceProcess::requestStop);
        processes.forEach(this::awaitStop);
        LocalInfrastructure servers;
        synchronized (this) {
            servers = infrastructure;
            infrastructure = null;
        }
        if (servers != null) {
            servers.close();
            out.println("  servers stopped");
        }
    }

    /** Still meant to run: neither {@link #stop} nor {@link #close} asked it to end. */
    private synchronized boolean isRegistered(ServiceProcess process) {
        return !stopping && running.get(process.service()) == process;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void prepareDataFolder() {
        if (settings.fresh()) {
            for (BackingServer server : BackingServer.values()) {
                Folders.deleteRecursively(settings.data().resolve(server.folder()));
            }
            // Analytics' stores are built from the topics and remember how far they read: kept beside an empty
            // Kafka, they would ask for offsets the new topics never had, and analytics would stop.
            Folders.deleteRecursively(settings.data().resolve(InfrastructurePlan.ANALYTICS_STATE));
            settings.out().println("Deleted the data of earlier runs (--fresh).");
        }
        try {
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What each service runs: never the jar in its module's target folder itself, which the next
     * build replaces under the running JVM, but an extracted (class-data sharing) or copied one.
     */
    private Map<Service, ClassDataSharing.Launch> prepareLaunches(Map<Service, Path> jars) {
        Map<Service, ClassDataSharing.Launch> prepared = new EnumMap<>(Service.class);
        jars.forEach((service, jar) -> prepared.put(
                service,
                settings.classDataSharing()
                        ? classDataSharing.prepare(service, jar)
                        : new ClassDataSharing.Launch(List.of(), copied(service, jar), false)));
        return prepared;
    }

    private Path copied(Service service, Path jar) {
        Path copy = settings.data().resolve("jars").resolve(service.module() + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar, e);
        }
    }

    /** Starts a service's JVM; {@code again} when it ran before in this shop, whose log it then continues. */
    private ServiceProcess launch(Service service, boolean again) {
        ClassDataSharing.Launch launch = launches.get(service);
        List<String> command = jvm.command(service.module());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", launch.jar().toString()));
        Map<String, String> variables = new HashMap<>(settings.environment());
        variables.putAll(plan.environmentFor(service));
        // Started and registered in one step, so a Ctrl-C now either sees the child and stops
        // it, or comes first and no child is started.
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("stopped while starting");
            }
            ServiceProcess process = ServiceProcess.start(service, command, variables, log(service), again);
            running.put(service, process);
            return process;
        }
    }

    /** Polls until every process reports ready; one that exits or never gets ready fails the start. */
    private void awaitReady(List<ServiceProcess> processes, long begin) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = begin + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            if (isStopping()) {
                throw new IllegalStateException("stopped while starting");
            }
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            failure(process, "exited with status " + process.exitCode() + " during start-up"));
                }
                if (process.isReady(http, process.service().readinessUrl(settings.portOffset()))) {
                    settings.out()
                            .printf("  %-20s ready in %s%n", process.service().module(), Durations.since(begin));
                    waiting.remove(process);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        failure(waiting.getFirst(), "was not ready after " + READY_TIMEOUT.toSeconds() + " s"));
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** What went wrong with a service, with the last lines of its log. */
    String failure(ServiceProcess process, String what) {
        StringBuilder text = new StringBuilder(process.name() + " " + what + ". Last lines of " + process.log() + ":");
        process.tail(LOG_TAIL_LINES).forEach(line -> text.append("\n  | ").append(LogLines.readable(line)));
        return text.toString();
    }

    /** Asks the gateway to stop and waits until it no longer accepts connections. */
    private void closeFrontDoor(ServiceProcess gateway) {
        gateway.requestStop();
        int port = gateway.service().port(settings.portOffset());
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (gateway.isAlive() && Ports.isTaken(port) && System.nanoTime() < deadline) {
            sleep(POLL_INTERVAL);
        }
    }

    private void awaitStop(ServiceProcess process) {
        boolean graceful = process.awaitStop(STOP_GRACE);
        settings.out()
                .printf(
                        "  %-20s %s%n",
                        process.service().module(),
                        graceful ? "stopped" : "killed after " + STOP_GRACE.toSeconds() + " s");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
