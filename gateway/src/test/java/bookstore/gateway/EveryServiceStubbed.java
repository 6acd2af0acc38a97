package bookstore.gateway;

import bookstore.gateway.StubService.ReceivedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway test against every service the gateway routes to, each a {@link StubService}. The stubs start once for the
 * test JVM and serve every class that extends this one (each class a Spring context of its own, cached while others
 * run); each test starts with no request received. The identity provider stays each class's own: tests rotate its keys
 * and count its downloads.
 */
abstract class EveryServiceStubbed {

    static final StubService catalog = StubService.start("catalog");
    static final StubService users = StubService.start("user");
    static final StubService orders = StubService.start("order");
    static final StubService inventory = StubService.start("inventory");
    static final StubService payments = StubService.start("payment");
    static final StubService analytics = StubService.start("analytics");
    static final StubService notifications = StubService.start("notification");

    static final List<StubService> services =
            List.of(catalog, users, orders, inventory, payments, analytics, notifications);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (StubService service : services) {
            registry.add("bookstore.gateway.services." + service.name(), service::url);
        }
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetReceivedRequests() {
        services.forEach(StubService::forget);
    }

    static List<ReceivedRequest> allReceived() {
        return services.stream().flatMap(service -> service.received().stream()).toList();
    }
}
