package bookstore.inventory.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI inventoryApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore inventory")
                                .version("v1")
                                .description(
                                        "Stock per book (on hand, reserved, available), receipts, reason-coded adjustments, stocktakes, low-stock thresholds and the movements ledger; for staff."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
