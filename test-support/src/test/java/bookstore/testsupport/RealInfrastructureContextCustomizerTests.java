package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

class RealInfrastructureContextCustomizerTests {

    private final RealInfrastructureContextCustomizer postgres =
            new RealInfrastructureContextCustomizer(EnumSet.of(RealServer.POSTGRES));

    @Test
    void givesEachNewContextAnEmptyDatabaseOfItsOwn() throws Exception {
        ConfigurableEnvironment first = customize(postgres, new GenericApplicationContext());
        ConfigurableEnvironment second = customize(postgres, new GenericApplicationContext());

        assertThat(first.getProperty("spring.r2dbc.url")).isNotEqualTo(second.getProperty("spring.r2dbc.url"));
        for (ConfigurableEnvironment environment : new ConfigurableEnvironment[] {first, second}) {
            try (Connection connection = DriverManager.getConnection(
                    environment.getProperty("spring.flyway.url"),
                    environment.getProperty("spring.flyway.user"),
                    environment.getProperty("spring.flyway.password"))) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void namesTheDatabaseAfterTheTestClass() {
        ConfigurableEnvironment environment = customize(postgres, new GenericApplicationContext());

        assertThat(environment.getProperty("spring.r2dbc.url"))
                .matches("r2dbc:postgresql://.+/real_infrastructure_context_customizer_\\w*_\\d+");
    }

    @Test
    void overridesEnvironmentVariablesButNotPropertiesTheTestSetsItself() {
        GenericApplicationContext context = new GenericApplicationContext();
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("spring.r2dbc.url", "r2dbc:postgresql://shared-server/orders")));
        sources.addFirst(new MapPropertySource(
                TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                Map.of("spring.flyway.user", "chosen-by-the-test")));

        ConfigurableEnvironment environment = customize(postgres, context);

        assertThat(environment.getProperty("spring.r2dbc.url")).doesNotContain("shared-server");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("chosen-by-the-test");
    }

    private static ConfigurableEnvironment customize(
            RealInfrastructureContextCustomizer customizer, GenericApplicationContext context) {
        customizer.customizeContext(context, mergedConfigurationOf(RealInfrastructureContextCustomizerTests.class));
        return context.getEnvironment();
    }

    private static MergedContextConfiguration mergedConfigurationOf(Class<?> testClass) {
        return new MergedContextConfiguration(testClass, new String[0], new Class<?>[0], new String[0], null);
    }
}
