package bookstore.catalog.config;

import bookstore.platform.privacy.CustomerPseudonym;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue knows a reader by the pseudonym order events carry, computed from the access token's subject with
 * order-service's key (docs/adr/0013): so it recognises verified buyers without any account id on a topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewConfiguration.PseudonymProperties.class)
class ReviewConfiguration {

    @Bean
    CustomerPseudonym customerPseudonym(PseudonymProperties properties) {
        return new CustomerPseudonym(properties.pseudonymKey());
    }

    /**
     * @param pseudonymKey order-service's {@code bookstore.orders.pseudonym-key}: the same secret
     *     ({@code CUSTOMER_PSEUDONYM_KEY}), or no pseudonym would match
     */
    @ConfigurationProperties("bookstore.catalog")
    record PseudonymProperties(String pseudonymKey) {}
}
