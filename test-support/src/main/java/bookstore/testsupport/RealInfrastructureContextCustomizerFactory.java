package bookstore.testsupport;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link RealKafka}, {@link RealPostgres} and {@link RealMongo} on a test class (directly, on a
 * superclass, an enclosing class of a {@code @Nested} test, or a composed annotation). Registered in
 * {@code META-INF/spring.factories}, so the annotations work with any Spring test, slices included.
 */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        Set<RealServer> servers = EnumSet.noneOf(RealServer.class);
        for (RealServer server : RealServer.values()) {
            if (TestContextAnnotationUtils.hasAnnotation(testClass, server.annotation())) {
                servers.add(server);
            }
        }
        return servers.isEmpty() ? null : new RealInfrastructureContextCustomizer(servers);
    }
}
