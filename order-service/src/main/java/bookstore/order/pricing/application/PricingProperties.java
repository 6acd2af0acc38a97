package bookstore.order.pricing.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currency the one currency the shop sells in; a book priced in another cannot be ordered
 *     (an order's total is one amount, charged in one currency)
 */
@ConfigurationProperties("bookstore.pricing")
public record PricingProperties(@DefaultValue("CNY") String currency) {}
