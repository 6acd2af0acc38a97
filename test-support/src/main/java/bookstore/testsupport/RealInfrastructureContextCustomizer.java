package bookstore.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds the properties of the requested servers to a context that is being created.
 *
 * <p>As part of the context cache key it compares by the requested servers only, so test classes
 * that ask for the same servers can still share a cached context; each new context gets new
 * databases because {@link #customizeContext} runs once per context.
 */
record RealInfrastructureContextCustomizer(Set<RealServer> servers) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "realInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String label = mergedConfig.getTestClass().getSimpleName();
        servers.forEach(server -> properties.putAll(server.properties(label)));
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);

        // Above application.yml, environment variables and system properties, so a developer's
        // KAFKA_BOOTSTRAP_SERVERS cannot send tests to a shared broker; below the properties a test
        // sets explicitly (@SpringBootTest(properties = ...), @TestPropertySource), which still win.
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
    }
}
