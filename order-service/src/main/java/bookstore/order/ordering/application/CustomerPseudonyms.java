package bookstore.order.ordering.application;

import bookstore.platform.privacy.CustomerPseudonym;
import org.springframework.stereotype.Component;

/**
 * Turns a customer's account id into the pseudonym that order and sales events carry, with the platform's one
 * implementation ({@link CustomerPseudonym}: HMAC-SHA256 with the secret key), which the catalogue uses with the same
 * key to recognise verified buyers.
 */
@Component
public class CustomerPseudonyms {

    private final CustomerPseudonym pseudonym;

    CustomerPseudonyms(OrderingProperties properties) {
        this.pseudonym = new CustomerPseudonym(properties.pseudonymKey());
    }

    public String of(String customerId) {
        return pseudonym.of(customerId);
    }
}
