package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.ProviderAnswer;
import java.util.Objects;
import java.util.UUID;

/**
 * A verified webhook event from a provider.
 *
 * @param eventId the provider's event id; each is taken once
 * @param type the provider's event type, e.g. {@code payment_intent.succeeded}
 * @param paymentId our payment id from the charge's metadata, when the event carries it
 * @param answer what the event says about a charge; null for events payments do not act on
 */
public record ProviderEvent(String provider, String eventId, String type, UUID paymentId, ProviderAnswer answer) {

    public ProviderEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }
}
