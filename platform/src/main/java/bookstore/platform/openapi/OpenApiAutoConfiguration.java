package bookstore.platform.openapi;

import bookstore.platform.security.ResourceServerAutoConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every service's OpenAPI document (springdoc, at {@code /v3/api-docs}) states its security and
 * problem responses the same way; see {@link ProblemResponses}. A service adds only its title and
 * description (an {@code OpenAPI} bean) and what is particular to a handler.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class OpenApiAutoConfiguration {

    @Bean
    OpenApiCustomizer bookstoreProblemResponses(ObjectProvider<SecurityWebFilterChain> chains) {
        // Looked up when the document is built, not at startup: the chains exist by then.
        return api ->
                new ProblemResponses(new AccessProbe(chains.orderedStream().toList())).customise(api);
    }
}
