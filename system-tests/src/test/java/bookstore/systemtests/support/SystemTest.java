package bookstore.systemtests.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the whole shop: every service started from its jar, as {@code ./shop} starts them, and
 * used over HTTP through the gateway. One shop serves every such test class of a run; a test method
 * or constructor asks for it as a {@link Shop} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningShop.class)
public @interface SystemTest {}
