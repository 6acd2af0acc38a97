package bookstore.payment.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI paymentsApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore payments")
                                .version("v1")
                                .description(
                                        "Payments per order through a provider (the built-in sandbox or Stripe), the providers' signed webhooks, and refunds in full or in part. Money is minor units and a currency."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
