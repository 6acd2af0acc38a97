package bookstore.payment.payments.application;

import java.util.UUID;

/** What the order saga asks of payments for one order. */
public sealed interface PaymentRequest permits ChargeRequest, RefundRequest, RefundAmountRequest, RenewActionRequest {

    /** The saga's id of the request (its command's event id); the same on every delivery. */
    UUID requestId();

    String orderId();
}
