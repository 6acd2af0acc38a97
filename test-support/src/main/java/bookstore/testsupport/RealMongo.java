package bookstore.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the Spring test context a database of its own on the test JVM's MongoDB server ({@link
 * Infrastructure#mongo()}) through {@code spring.mongodb.uri} and {@code spring.mongodb.database}.
 *
 * <p>Embedded runs use a Mongo wire-protocol server, not mongod: code under test must keep to
 * queries real MongoDB supports, and runs with Docker check that against the real thing. The
 * database belongs to the application context, shared by test classes that reuse a cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealMongo {}
