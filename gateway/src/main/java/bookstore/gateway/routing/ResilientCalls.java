package bookstore.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * What guards every call to a service: a circuit breaker named after the service (configured under
 * {@code resilience4j.circuitbreaker}) around a retry of idempotent GETs that could not connect. Timeouts are the HTTP
 * client's ({@code spring.cloud.gateway.server.webflux.httpclient}); failures surface as exceptions that
 * {@code GatewayErrorHandler} answers with problem details.
 */
@Component
@EnableConfigurationProperties(ResilientCalls.RetryProperties.class)
class ResilientCalls {

    // The breaker wraps the retry, so one client request counts once however often it was retried.
    private static final int CIRCUIT_BREAKER_ORDER = 1;
    private static final int RETRY_ORDER = 2;

    private final SpringCloudCircuitBreakerFilterFactory circuitBreakers;
    private final GatewayFilter connectRetry;

    ResilientCalls(
            SpringCloudCircuitBreakerFilterFactory circuitBreakers,
            RetryGatewayFilterFactory retries,
            RetryProperties retry) {
        this.circuitBreakers = circuitBreakers;
        // Built without a route id on purpose: a route id makes the gateway buffer every request body of the route
        // for replay, and a GET has no body to replay.
        this.connectRetry = retries.apply(new RetryConfig()
                .setRetries(retry.attempts())
                .setMethods(HttpMethod.GET)
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class)
                .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, true));
    }

    GatewayFilterSpec guard(GatewayFilterSpec filters, String service) {
        // No fallbackUri: a forward fallback also makes the gateway buffer request bodies; an open breaker or a
        // timeout is raised as an exception instead and rendered as a 503 or 504 problem naming the service.
        GatewayFilter breaker =
                circuitBreakers.apply(new SpringCloudCircuitBreakerFilterFactory.Config().setName(service));
        return filters.filter(breaker, CIRCUIT_BREAKER_ORDER).filter(connectRetry, RETRY_ORDER);
    }

    /**
     * Retries of GETs whose connection failed. Such a request never reached the service; other methods are still left
     * to the caller, who knows whether repeating them is safe.
     */
    @ConfigurationProperties("bookstore.gateway.retry")
    record RetryProperties(int attempts, Duration firstBackoff, Duration maxBackoff) {}
}
