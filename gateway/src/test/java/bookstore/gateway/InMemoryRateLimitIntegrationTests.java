package bookstore.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The default: buckets in the gateway's own memory. */
class InMemoryRateLimitIntegrationTests extends RateLimitIntegrationTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registerServices(registry);
    }
}
