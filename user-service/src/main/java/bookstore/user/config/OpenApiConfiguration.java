package bookstore.user.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI accountsApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore accounts")
                                .version("v1")
                                .description(
                                        "Registration, sign-in with JWT access and refresh tokens (RS256, keys published as JWKS), browser sessions, profiles and addresses, and the staff's management of accounts and roles."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }
}
