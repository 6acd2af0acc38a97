package bookstore.notification.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI notificationApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore notifications")
                                .version("v1")
                                .description(
                                        "The e-mails the shop recorded for its events (account, order, return and low-stock mail): kind, event, recipient, status, attempts and times, never bodies; and the retry of a failed one. For staff."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
