package bookstore.platform.openapi;

import bookstore.platform.security.ResourceServerAutoConfiguration;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.JsonNode;

/**
 * Every service's OpenAPI document (springdoc, at {@code /v3/api-docs}) states its security and
 * problem responses the same way ({@link ProblemResponses}) and gives every JSON request body an
 * example ({@link RequestExamples}). A service adds only its title and
 * description (an {@code OpenAPI} bean) and what is particular to a handler.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class OpenApiAutoConfiguration {

    static {
        // Jackson 3's tree (a JSON merge patch, say) is any JSON, not the node's own getters; springdoc maps only
        // Jackson 2's.
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        JsonNode.class, new ObjectSchema().description("Any JSON object, as the operation describes"));
    }

    @Bean
    OpenApiCustomizer bookstoreProblemResponses(ObjectProvider<SecurityWebFilterChain> chains) {
        // Looked up when the document is built, not at startup: the chains exist by then.
        return api ->
                new ProblemResponses(new AccessProbe(chains.orderedStream().toList())).customise(api);
    }

    @Bean
    OpenApiCustomizer bookstoreRequestExamples() {
        return new RequestExamples();
    }
}
