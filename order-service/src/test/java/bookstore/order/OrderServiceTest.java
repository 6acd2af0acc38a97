package bookstore.order;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole service on a real Kafka broker and a real PostgreSQL database, called over HTTP. Test
 * classes with this annotation share one application context (and so one database): each uses its
 * own customers, books and orders.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        properties = {
            "bookstore.outbox.poll-interval=100ms",
            "bookstore.messaging.retry-interval=50ms",
            "logging.structured.format.console="
        })
@AutoConfigureWebTestClient(timeout = "30s")
@RealKafka
@RealPostgres
public @interface OrderServiceTest {}
