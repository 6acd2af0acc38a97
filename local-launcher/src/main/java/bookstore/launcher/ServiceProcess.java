package bookstore.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service running as a child JVM, its output going to a log file. */
final class ServiceProcess extends ChildProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Service service;

    private ServiceProcess(
            Service service, List<String> command, Map<String, String> environment, Path log, boolean again) {
        super(service.module(), command, environment, log, again);
        this.service = service;
    }

    static ServiceProcess start(
            Service service, List<String> command, Map<String, String> environment, Path log, boolean again) {
        return new ServiceProcess(service, command, environment, log, again);
    }

    Service service() {
        return service;
    }

    /** Whether Spring Boot's readiness group reports UP, i.e. the service takes traffic. */
    boolean isReady(HttpClient http, String readinessUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(readinessUrl))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
