package bookstore.order.shipping.carrier;

import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pushes the sandbox carrier's updates when they are due, as Kuaidi100 pushes: a form POST of the
 * whole timeline so far with its MD5 signature, to the shop's callback endpoint. An update counts as
 * pushed once the shop acknowledges it with 2xx; otherwise it is pushed again after {@code
 * retry-after}, as Kuaidi100 pushes again when a callback fails.
 */
class SandboxCarrierPushes extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(SandboxCarrierPushes.class);
    private static final int BATCH = 20;

    private final SandboxSchedule schedule;
    private final Supplier<URI> callbackUrl;
    private final String salt;
    private final SandboxCarrierProperties properties;
    private final Clock clock;
    private final Kuaidi100Format format = new Kuaidi100Format();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxCarrierPushes(
            SandboxSchedule schedule,
            Supplier<URI> callbackUrl,
            String salt,
            SandboxCarrierProperties properties,
            Clock clock) {
        super("sandbox-carrier", Schedule.every(properties.pollInterval()));
        this.schedule = schedule;
        this.callbackUrl = callbackUrl;
        this.salt = salt;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected boolean runOnce() {
        Instant now = clock.instant();
        List<SandboxSchedule.Due> due =
                schedule.takeDue(now, now.plus(properties.retryAfter()), BATCH).block();
        Flux.fromIterable(due).concatMap(this::push).then().block();
        return due.size() == BATCH;
    }

    private Mono<Void> push(SandboxSchedule.Due due) {
        return schedule.timeline(due.company(), due.trackingNumber(), due.step())
                .flatMap(timeline -> post(form(due, timeline)))
                .then(Mono.defer(() -> schedule.pushed(due, clock.instant())))
                .onErrorResume(failure -> {
                    log.info(
                            "Sandbox carrier could not push update {} of {}; pushing it again in {}: {}",
                            due.step(),
                            due.trackingNumber(),
                            properties.retryAfter(),
                            failure.toString());
                    return Mono.empty();
                });
    }

    private String form(SandboxSchedule.Due due, List<SandboxSchedule.Step> newestFirst) {
        String state = newestFirst.getFirst().state();
        String param = format.param(
                "3".equals(state) ? "shutdown" : "polling",
                due.company(),
                due.trackingNumber(),
                state,
                newestFirst.stream()
                        .map(step ->
                                new Kuaidi100Format.Entry(step.statusName(), step.context(), step.place(), step.at()))
                        .toList());
        return Kuaidi100Format.PARAM + "=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&"
                + Kuaidi100Format.SIGN + "=" + Kuaidi100Format.sign(param, salt);
    }

    private Mono<Void> post(String form) {
        return Mono.defer(() -> {
                    HttpRequest request = HttpRequest.newBuilder(callbackUrl.get())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                            .build();
                    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                })
                .flatMap(response -> response.statusCode() / 100 == 2
                        ? Mono.empty()
                        : Mono.error(new IllegalStateException("the shop answered " + response.statusCode())));
    }
}
