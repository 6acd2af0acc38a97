package bookstore.order.shipping;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a real port, so that carriers' callbacks arrive as real HTTP requests, on a
 * real Kafka broker and a real PostgreSQL database. The sandbox carrier moves a parcel every second
 * and a delivered order counts as received after eight.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.outbox.poll-interval=100ms",
            "bookstore.messaging.retry-interval=50ms",
            "bookstore.orders.timeout-scan-interval=500ms",
            "bookstore.orders.auto-receive-after=8s",
            "bookstore.shipping.subscriptions.poll-interval=200ms",
            "bookstore.shipping.sandbox.pace=1s",
            "bookstore.shipping.sandbox.poll-interval=200ms",
            "bookstore.shipping.sandbox.salt=" + ShippingServiceTest.SANDBOX_SALT,
            "logging.structured.format.console="
        })
@RealKafka
@RealPostgres
public @interface ShippingServiceTest {

    /** What the sandbox carrier signs with here, so tests can sign (and forge) callbacks too. */
    String SANDBOX_SALT = "sandbox-test-salt";
}
