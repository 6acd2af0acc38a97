package bookstore.inventory;

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
 * The whole service on real Kafka and PostgreSQL. Every integration test class uses this one
 * configuration, so they share one application context (and one database): tests keep apart by
 * using fresh book and order ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureWebTestClient
@RealKafka
@RealPostgres
public @interface InventoryServiceTest {}
