package bookstore.payment.reconciliation.application;

import bookstore.payment.payments.domain.PaymentStatus;
import java.util.UUID;

/**
 * A payment of the day that reached its provider and has an outcome: what the reconciliation asks
 * the provider about.
 *
 * @param reference the provider's id of the charge; null when the charge was made and its answer lost
 */
public record SettledPayment(UUID id, String orderId, String provider, PaymentStatus status, String reference) {}
