package bookstore.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the Spring test context at the test JVM's real Kafka broker ({@link Infrastructure#kafka()})
 * by setting {@code spring.kafka.bootstrap-servers}.
 *
 * <p>The broker is shared by every context in the JVM and does not create topics on first use, so
 * tests use the topics their application declares and keys no other test class uses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealKafka {}
