package bookstore.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the Spring test context an empty database of its own on the test JVM's real PostgreSQL
 * server ({@link Infrastructure#postgres()}), through {@code spring.r2dbc.url}, {@code
 * spring.r2dbc.username}, {@code spring.r2dbc.password} and the matching {@code spring.flyway.*}
 * properties, so Flyway migrates it when the context starts.
 *
 * <p>The database belongs to the application context: test classes whose configuration lets Spring
 * reuse a cached context share it, as they share every other bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealPostgres {}
