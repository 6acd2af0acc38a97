package bookstore.catalog.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the catalogue's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI catalogueApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bookstore catalogue")
                        .version("v1")
                        .description("Books, search in Chinese and English with facets, availability, and"
                                + " verified buyers' reviews and ratings. Money is minor units and a currency."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
