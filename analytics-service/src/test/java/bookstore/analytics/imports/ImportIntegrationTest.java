package bookstore.analytics.imports;

import bookstore.testsupport.RealKafka;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole analytics service on the real broker, seeding a short sample history at start-up as the local shop
 * does. Every class with this annotation shares one application context. Its own Kafka Streams application id and
 * state directory keep it apart from other contexts on the same broker. What it publishes stays on that broker
 * for the rest of the JVM: the seeded three days up to yesterday are in any shop-wide figure a later test class
 * reads, so the tests' own imports are dated 2003 and 2004, outside the ranges other classes ask about.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        properties = {
            "spring.kafka.streams.application-id=analytics-imports-tests",
            "spring.kafka.streams.state-dir=${java.io.tmpdir}/analytics-imports-tests-${random.uuid}",
            "bookstore.analytics.seed-history=true",
            "bookstore.analytics.seed-history-length=P3D",
            "bookstore.analytics.seed-history-quiet-period=2s",
            "logging.level.org.apache.kafka=WARN"
        })
@AutoConfigureWebTestClient(timeout = "60s")
@RealKafka
@Import(CountedSales.class)
public @interface ImportIntegrationTest {}
