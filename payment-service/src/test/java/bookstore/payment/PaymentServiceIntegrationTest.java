package bookstore.payment;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a real Kafka broker and a real PostgreSQL database, listening on a real port
 * (the sandbox provider posts its webhooks to it). Every integration test class uses exactly this
 * configuration, so they share one application context and one consumer group.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.payment.sandbox.webhook-secret=" + PaymentServiceIntegrationTest.WEBHOOK_SECRET,
            // The sandbox wallets' APIs and notifications reach the service itself, not a gateway.
            "bookstore.payment.sandbox.public-url=http://localhost:${local.server.port}",
            "bookstore.payment.provider.poll-interval=200ms",
            "bookstore.outbox.poll-interval=100ms",
            "bookstore.messaging.retry-interval=50ms",
            "logging.structured.format.console="
        })
@RealKafka
@RealPostgres
@interface PaymentServiceIntegrationTest {

    String WEBHOOK_SECRET = "whsec_integration_tests";
}
