package bookstore.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.launcher.Service;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.DeadLetters;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.RunOfOrders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every process of the shop is killed with SIGKILL in turn in the middle of one run of orders (the
 * services two at a time, then the Kafka broker, then PostgreSQL) and started again: no graceful shutdown, nothing handed over,
 * a broker and a database that recover their logs. Afterwards every accepted order has ended, copies
 * and money are conserved, and nothing was dead-lettered, since no record was at fault. While a
 * service is dead the gateway answers for it as its README says: a 503 problem naming it, at once for
 * a checkout and after two retries for a GET, its breaker opening once half of the last calls failed
 * and closing again once the service is back.
 */
@SystemTest
@Order(Order.DEFAULT + 4)
class ChaosSystemTests {

    /**
     * The order in which they die, two by two: the second dies while the first is still dead, then
     * both start again side by side (half the restarts' time); the gateway, the front door, last.
     */
    private static final List<List<Service>> KILLED_IN_TURN = List.of(
            List.of(Service.USER, Service.CATALOG),
            List.of(Service.ORDER, Service.INVENTORY),
            List.of(Service.PAYMENT, Service.NOTIFICATION),
            List.of(Service.ANALYTICS, Service.GATEWAY));

    private static final Duration PACE = Duration.ofMillis(400);
    private static final int INITIAL_STOCK = 1_000;
    /** The gateway's retries of a GET that could not connect wait 50 ms, then 100 ms (bookstore.gateway.retry). */
    private static final Duration TWO_BACKOFFS = Duration.ofMillis(150);
    /** Well below the 10 s response timeout: nobody waits for a service that is not there. */
    private static final Duration AT_ONCE = Duration.ofSeconds(4);
    /** The breaker stays open 15 s; the service's start and the trial calls come on top. */
    private static final Duration BREAKER_CLOSES = Duration.ofSeconds(45);

    private static final Pattern BREAKER_STATE =
            Pattern.compile("^resilience4j_circuitbreaker_state\\{([^}]*)} 1(?:\\.0)?$", Pattern.MULTILINE);

    private final Shop shop;

    ChaosSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void everyAcceptedOrderEndsConservedWhenEachProcessIsKilledInTurnMidRun() throws Exception {
        Map<String, Long> deadLettersBefore = DeadLetters.count(shop);
        // Logged in before user-service dies; the token outlives the test.
        Customer admin = shop.admin();
        String title = "The Hard Stop " + UUID.randomUUID().toString().substring(0, 8);
        try (RunOfOrders run = RunOfOrders.paced(shop, title, INITIAL_STOCK, PACE)) {
            run.awaitAccepted(5);
            for (List<Service> pair : KILLED_IN_TURN) {
                for (Service service : pair) {
                    shop.kill(service);
                    if (service == Service.ORDER) {
                        assertTheGatewayGuardsACheckoutToADeadOrderService(run);
                    } else if (service != Service.GATEWAY) {
                        assertUnavailable(get(admin, probe(service, run.book())), service, TWO_BACKOFFS);
                    }
                }
                shop.restart(pair.toArray(Service[]::new));
                if (pair.contains(Service.ORDER)) {
                    await("order-service's breaker closed again")
                            .atMost(BREAKER_CLOSES)
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> run.customers()
                                                    .getFirst()
                                                    .get("/api/orders?size=1")
                                                    .status()
                                            == 200
                                    && breakerState("order-service").equals("closed"));
                }
                run.awaitAccepted(run.accepted() + 2);
            }

            shop.killKafka();
            shop.startKafka();
            run.awaitAccepted(run.accepted() + 2);

            shop.killPostgres();
            shop.startPostgres();
            run.awaitAccepted(run.accepted() + 2);

            run.awaitAllAccepted();
            run.assertAllEndedAndConserved();
        }
        assertThat(DeadLetters.count(shop)).as("records dead-lettered").isEqualTo(deadLettersBefore);
    }

    /**
     * With order-service dead: a checkout answers 503 at once (the gateway never repeats a POST, only
     * the client knows whether that is safe), a GET after its two retries; once half of the last
     * calls failed the breaker opens and answers 503 without trying.
     */
    private void assertTheGatewayGuardsACheckoutToADeadOrderService(RunOfOrders run) {
        Customer customer = run.customers().getFirst();
        Timed checkout = timed(() -> Orders.place(
                customer,
                Orders.checkout(run.book(), 1, Orders.VISA),
                UUID.randomUUID().toString()));
        assertUnavailable(checkout, Service.ORDER, Duration.ZERO);
        assertUnavailable(get(customer, "/api/orders?size=1"), Service.ORDER, TWO_BACKOFFS);

        await("order-service's breaker open")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    customer.get("/api/orders?size=1");
                    return breakerState("order-service").equals("open");
                });
        assertUnavailable(get(customer, "/api/orders?size=1"), Service.ORDER, Duration.ZERO);
    }

    private record Timed(Response response, Duration took) {}

    private static Timed get(Customer caller, String path) {
        return timed(() -> caller.get(path));
    }

    private static Timed timed(Supplier<Response> call) {
        long begin = System.nanoTime();
        Response response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - begin));
    }

    /** A 503 problem naming the dead service, answered in at least {@code atLeast} and well before any timeout. */
    private static void assertUnavailable(Timed answer, Service service, Duration atLeast) {
        Response response = answer.response();
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://bookstore.example/problems/service-unavailable");
        assertThat(problem.get("service").asString()).isEqualTo(service.module());
        assertThat(answer.took()).as("how long %s took", response.request()).isBetween(atLeast, AT_ONCE);
    }

    /** A GET through the gateway that only the service can answer (never from the gateway's cache). */
    private static String probe(Service service, String book) {
        return switch (service) {
            case USER -> "/api/users/me";
            case CATALOG -> "/api/books/" + book;
            case ORDER -> "/api/orders?size=1";
            case INVENTORY -> "/api/inventory/" + book;
            case PAYMENT -> "/api/payments?size=1";
            case ANALYTICS -> "/api/analytics/sales";
            case NOTIFICATION -> "/api/notifications?size=1";
            case GATEWAY -> throw new IllegalArgumentException("the gateway answers for the others");
        };
    }

    /** The state of a service's circuit breaker as the gateway's metrics show it: closed, open, half_open, … */
    private String breakerState(String name) {
        Matcher lines = BREAKER_STATE.matcher(shop.metrics(Service.GATEWAY));
        while (lines.find()) {
            String tags = lines.group(1);
            if (tags.contains("name=\"" + name + "\"")) {
                Matcher state = Pattern.compile("state=\"([a-z_]+)\"").matcher(tags);
                if (state.find()) {
                    return state.group(1);
                }
            }
        }
        throw new AssertionError("the gateway shows no state of the breaker " + name);
    }
}
