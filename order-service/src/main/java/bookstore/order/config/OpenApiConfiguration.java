package bookstore.order.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ordersApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore orders")
                                .version("v1")
                                .description(
                                        "The cart, checkout (Idempotency-Key), orders and their saga status, cancelling, the carrier's tracking and receipt, returns and refunds, and the staff's order desk. Money is minor units and a currency."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
