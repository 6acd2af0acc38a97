package bookstore.catalog;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealMongo;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole catalogue service against real MongoDB (wire protocol) and Kafka. Every class with this
 * annotation shares one application context, so the service starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "30s")
@RealMongo
@RealKafka
public @interface CatalogueIntegrationTest {}
