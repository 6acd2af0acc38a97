package bookstore.analytics.config;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.openapi.ApiDescriptionContract;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service's OpenAPI document names every route it serves and is the committed docs/openapi copy. */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    ApplicationContext context;

    ApiDescriptionContract description;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.application-id", () -> "analytics-api-" + RUN);
        registry.add(
                "spring.kafka.streams.state-dir", () -> System.getProperty("java.io.tmpdir") + "/analytics-" + RUN);
        registry.add("spring.kafka.streams.properties.num.standby.replicas", () -> 0);
    }

    @BeforeEach
    void fetchTheDocument() {
        description = ApiDescriptionContract.of("analytics-service", context);
    }

    @Test
    void documentsEveryRoute() {
        description.documentsEveryRoute();
    }

    @Test
    void isTheCommittedCopy() {
        description.matchesTheCommittedCopy();
    }
}
