package bookstore.analytics.imports;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The service's {@code Instances} asks for a {@link WebClient.Builder}, which Spring Boot 4 only auto-configures
 * with its {@code spring-boot-webclient} module, not on this module's class path (nor in the registry's mirror
 * here). Until the service declares one of its own, the import tests give the context a plain builder.
 */
@TestConfiguration(proxyBeanMethods = false)
class WebClientFallback {

    @Bean
    @ConditionalOnMissingBean
    WebClient.Builder webClientBuilder() {
        return WebClient.builder();
    }
}
