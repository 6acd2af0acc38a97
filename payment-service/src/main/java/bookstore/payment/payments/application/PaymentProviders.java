package bookstore.payment.payments.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The providers this service pays through: a new payment goes to the one that takes its method, and
 * every later call about it to the provider it was made with.
 */
@Component
public class PaymentProviders {

    private final Map<String, PaymentProvider> byName = new LinkedHashMap<>();

    PaymentProviders(List<PaymentProvider> providers) {
        for (PaymentProvider provider : providers) {
            if (byName.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalStateException("two payment providers are named " + provider.name());
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no payment provider is configured");
        }
    }

    /**
     * The provider that takes the method. The card provider takes every method that is not a
     * wallet's, and declines one it does not know, as Stripe answers an unknown payment method.
     */
    public PaymentProvider forMethod(String paymentMethod) {
        return byName.values().stream()
                .filter(provider -> provider.takes(paymentMethod))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no payment provider takes " + paymentMethod));
    }

    /** The provider a payment was made with. */
    public PaymentProvider named(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("payment provider " + name + " is not configured");
        }
        return provider;
    }

    /** Every provider, for the reconciliation of their records with the payments. */
    public List<PaymentProvider> all() {
        return List.copyOf(byName.values());
    }
}
