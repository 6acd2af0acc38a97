package bookstore.order.ordering.web;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderReturn;
import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.ordering.domain.RefundStatus;
import bookstore.order.ordering.domain.ReturnPolicy;
import bookstore.order.ordering.domain.ReturnStatus;
import bookstore.order.ordering.domain.SagaStep;
import bookstore.order.ordering.domain.Shipment;
import bookstore.order.ordering.domain.ShippingAddress;
import bookstore.order.pricing.domain.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An order on the wire.
 *
 * @param customerId the account that placed it (its owner; admins see whose each order is)
 * @param failureReason why a rejected or cancelled order ended so; otherwise null
 * @param refunded what payment gave back in all (a cancellation's refund, or the partial refunds so far); null
 *     until it reports a refund
 * @param returnableUntil until when the customer may ask to return copies (the return window counted from
 *     receipt, or from delivery while receipt is not confirmed); null before the order arrived
 * @param returns the order's returns, oldest first
 * @param refunds its partial refunds (of returns, or an admin's without one), oldest first
 * @param paymentAction what the customer has to do for the provider to take the payment (scan a QR
 *     code, go to the provider's page), while the order is AWAITING_PAYMENT; null otherwise
 * @param payBy until when a pending order waits for its payment (it is cancelled then); null when it
 *     does not wait for one
 * @param shippingAddress where it goes; null once the customer closed their account and was erased
 * @param customerErased whether the customer closed their account and their name, address, phone and
 *     return reasons are gone from the order (lines, money, dates and states stay)
 */
record OrderResource(
        String id,
        String customerId,
        OrderStatus status,
        List<Item> items,
        Money total,
        List<StatusChange> statusHistory,
        String failureReason,
        Instant placedAt,
        ShippingAddress shippingAddress,
        String paymentMethod,
        Shipment shipment,
        Money refunded,
        Instant returnableUntil,
        List<Return> returns,
        List<Refund> refunds,
        PaymentAction paymentAction,
        Instant payBy,
        boolean customerErased) {

    static OrderResource of(Order order, ReturnPolicy policy) {
        return new OrderResource(
                order.id().toString(),
                order.customerId(),
                order.status(),
                order.lines().stream()
                        .map(line -> new Item(
                                line.bookId(), line.title(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.total(),
                order.history().stream()
                        .map(change -> new StatusChange(change.status(), change.at(), change.reason()))
                        .toList(),
                order.failureReason(),
                order.placedAt(),
                order.shippingAddress(),
                order.paymentMethod(),
                order.shipment(),
                order.refunded(),
                order.returnableUntil(policy),
                order.returns().stream().map(Return::of).toList(),
                order.refunds().stream()
                        .map(refund -> new Refund(
                                refund.id(),
                                refund.returnId(),
                                refund.amount(),
                                refund.reason(),
                                refund.status(),
                                refund.refusal(),
                                refund.requestedAt(),
                                refund.settledAt()))
                        .toList(),
                order.paymentAction()
                        .map(action ->
                                new PaymentAction(action.provider(), action.kind(), action.value(), action.expiresAt()))
                        .orElse(null),
                order.step() == SagaStep.AWAITING_PAYMENT ? order.deadline() : null,
                order.customerErased());
    }

    /**
     * What the customer has to do to pay.
     *
     * @param provider who takes the payment: {@code alipay}, {@code wechatpay}, or the card provider
     * @param kind {@code QR_CODE} (draw {@code value} as a QR code to scan with the provider's app) or
     *     {@code REDIRECT} (send the browser to the URL in {@code value})
     * @param expiresAt when the provider stops taking it; null if it did not say
     */
    record PaymentAction(String provider, String kind, String value, Instant expiresAt) {}

    @Schema(name = "OrderItem")
    record Item(String bookId, String title, int quantity, Money unitPrice, Money lineTotal) {}

    record StatusChange(OrderStatus status, Instant at, String reason) {}

    /**
     * A return on the wire.
     *
     * @param refundAmount what the return's copies cost; its refund gives that back, or what is left
     *     of the order's money if less (the refund itself is among the order's refunds)
     * @param deadline when the current step times out; null when nothing waits on a person
     */
    record Return(
            String id,
            ReturnStatus status,
            List<ReturnItem> items,
            String reason,
            Money refundAmount,
            String carrier,
            String trackingNumber,
            String outcomeReason,
            Instant requestedAt,
            Instant deadline,
            List<ReturnStep> history) {

        static Return of(OrderReturn held) {
            return new Return(
                    held.id(),
                    held.status(),
                    held.items().stream()
                            .map(item -> new ReturnItem(
                                    item.bookId(),
                                    item.title(),
                                    item.quantity(),
                                    item.unitPrice(),
                                    item.resalable(),
                                    item.damaged()))
                            .toList(),
                    held.reason(),
                    held.total(),
                    held.carrier(),
                    held.trackingNumber(),
                    held.outcomeReason(),
                    held.requestedAt(),
                    held.deadline(),
                    held.history().stream()
                            .map(change -> new ReturnStep(change.status(), change.at(), change.reason()))
                            .toList());
        }
    }

    /** @param resalable and @param damaged what inspection found; null until the return is received */
    record ReturnItem(String bookId, String title, int quantity, Money unitPrice, Integer resalable, Integer damaged) {}

    record ReturnStep(ReturnStatus status, Instant at, String reason) {}

    record Refund(
            String id,
            String returnId,
            Money amount,
            String reason,
            RefundStatus status,
            String refusal,
            Instant requestedAt,
            Instant settledAt) {}
}
