package bookstore.notification.config;

import bookstore.notification.NotificationServiceTest;
import bookstore.testsupport.openapi.ApiDescriptionContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The service's OpenAPI document names every route it serves and is the committed docs/openapi copy. */
@NotificationServiceTest
class ApiDescriptionIntegrationTests {

    @Autowired
    ApplicationContext context;

    ApiDescriptionContract description;

    @BeforeEach
    void fetchTheDocument() {
        description = ApiDescriptionContract.of("notification-service", context);
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
