package bookstore.analytics.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI analyticsApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore analytics")
                                .version("v1")
                                .description(
                                        "Sales and stock reports, customer segments, demand forecasts and reorder suggestions, built from the order, sales, catalogue, stock and account streams; imports of past sales. For staff; every report also as CSV (Accept: text/csv)."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
