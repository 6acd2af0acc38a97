package bookstore.gateway.problem;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import bookstore.gateway.security.SigningKeysUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every error the gateway itself raises with a problem detail: failed calls to a service (naming it),
 * access tokens that cannot be checked while user-service's keys are unavailable, unknown routes, and anything
 * unexpected, which is logged but never shown. A service's own error responses are not
 * errors here: they pass through untouched.
 */
@Component
@Order(-1) // where Boot's default handler, which this one replaces, would sit
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a service's answer is already on the wire; closing the connection is all that is left.
            return Mono.error(error);
        }
        // Chosen inside handle(): with limited context propagation (application.yaml) Reactor restores the request's
        // trace context only in handle and tap operators, and the warnings below must carry its trace id.
        return Mono.just(error)
                .<ProblemDetail>handle((failure, sink) -> sink.next(problemFor(exchange, failure)))
                .flatMap(problem -> problems.write(exchange, problem));
    }

    private ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String service = route != null ? route.getId() : "upstream service";
        if (isOpenCircuit(error)) {
            log.warn("Not calling {}: its circuit breaker is open", service);
            return unavailable(
                    service, service + " is failing; calls to it are paused for a moment to let it recover.");
        }
        // Before the connection check: the keys' download failing to connect is not a failure of the route's service.
        if (causedBy(error, SigningKeysUnavailableException.class)) {
            log.warn("Cannot check access tokens: {}", error.getMessage());
            return unavailable(
                    "user-service", "Access tokens cannot be checked right now: user-service's keys are unavailable.");
        }
        if (causedBy(error, ConnectException.class)) {
            log.warn("Cannot connect to {}: {}", service, error.getMessage());
            return unavailable(service, service + " cannot be reached right now.");
        }
        if (isTimeout(error)) {
            log.warn("{} did not answer in time: {}", service, error.getMessage());
            return naming(service, GatewayProblem.GATEWAY_TIMEOUT.withDetail(service + " did not answer in time."));
        }
        if (error instanceof ErrorResponse response) {
            return gatewayProblem(exchange, response.getStatusCode());
        }
        if (route != null) {
            log.warn("Call to {} failed: {}", service, error.toString());
            return naming(service, GatewayProblem.BAD_GATEWAY.withDetail(service + " failed to give a valid answer."));
        }
        log.error("Request {} failed inside the gateway", exchange.getRequest().getPath(), error);
        return GatewayProblem.INTERNAL_ERROR.withDetail("The gateway failed to handle the request.");
    }

    private static ProblemDetail unavailable(String service, String detail) {
        return naming(service, GatewayProblem.SERVICE_UNAVAILABLE.withDetail(detail));
    }

    private static ProblemDetail naming(String service, ProblemDetail problem) {
        problem.setProperty("service", service);
        return problem;
    }

    private static ProblemDetail gatewayProblem(ServerWebExchange exchange, HttpStatusCode status) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return GatewayProblem.NOT_FOUND.withDetail(
                    "No resource at " + exchange.getRequest().getPath().value() + ".");
        }
        // Method not allowed, unsupported media type and the like: the status says it all (RFC 9457 about:blank).
        return ProblemDetail.forStatus(status);
    }

    private static boolean isOpenCircuit(Throwable error) {
        return error instanceof ServiceUnavailableException || causedBy(error, CallNotPermittedException.class);
    }

    private static boolean isTimeout(Throwable error) {
        return (error instanceof ErrorResponse response
                        && response.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())
                || causedBy(error, TimeoutException.class);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
