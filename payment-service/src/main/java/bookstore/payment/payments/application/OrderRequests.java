package bookstore.payment.payments.application;

import bookstore.payment.payments.application.Payments.CancelledOrder;
import bookstore.payment.payments.domain.Effect;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One order's requests in a batch, in the order they were sent, applied in memory to the order's
 * payment: to one the first request opens, to the one stored, or to none (an order cancelled before
 * it was charged).
 */
final class OrderRequests {

    private final String orderId;
    private final List<Positioned> requests = new ArrayList<>();

    private OrderRequests(String orderId) {
        this.orderId = orderId;
    }

    /**
     * The batch's requests by order, orders in the order of their first request.
     *
     * @param traceparents each request's trace context, by position; null for none
     */
    static List<OrderRequests> of(List<PaymentRequest> batch, List<String> traceparents) {
        Map<String, OrderRequests> byOrder = new LinkedHashMap<>();
        for (int position = 0; position < batch.size(); position++) {
            PaymentRequest request = batch.get(position);
            byOrder.computeIfAbsent(request.orderId(), OrderRequests::new)
                    .requests
                    .add(new Positioned(position, request, traceparents.get(position)));
        }
        return List.copyOf(byOrder.values());
    }

    String orderId() {
        return orderId;
    }

    /** Whether the first request is a charge, which opens the payment if the order has none yet. */
    boolean opensPayment() {
        return requests.getFirst().request() instanceof ChargeRequest;
    }

    /** The charge that opens the order's payment; see {@link #opensPayment()}. */
    ChargeRequest openingCharge() {
        return (ChargeRequest) requests.getFirst().request();
    }

    /** The requests applied to a payment the first one opens, as if the order had none yet. */
    Applied openingPayment(String provider, String currency, Instant now) {
        Positioned first = requests.getFirst();
        ChargeRequest charge = (ChargeRequest) first.request();
        var payment = Payment.request(
                UUID.randomUUID(),
                charge.requestId(),
                orderId,
                charge.customerId(),
                charge.amount(),
                charge.paymentMethod(),
                provider,
                charge.payBy(),
                now);
        var applied = new Applied(orderId, payment, first.traceparent(), true);
        applied.answers.put(first.position(), new Answer(List.of(), null));
        requests.stream().skip(1).forEach(next -> apply(applied, next, currency, now));
        return applied;
    }

    /** The requests applied to the order's stored payment, or to none when it has none. */
    Applied onStored(TracedPayment stored, String currency, Instant now) {
        var applied = stored == null
                ? new Applied(orderId, null, null, false)
                : new Applied(orderId, stored.payment(), stored.traceparent(), false);
        requests.forEach(next -> apply(applied, next, currency, now));
        return applied;
    }

    private void apply(Applied applied, Positioned positioned, String currency, Instant now) {
        Payment payment = applied.payment;
        switch (positioned.request()) {
            case ChargeRequest charge -> {
                if (payment == null) {
                    // Only an order cancelled before it was charged is without a payment here.
                    applied.answers.put(
                            positioned.position(),
                            new Answer(List.of(new Effect.ChargeFailed(orderId, Payment.ORDER_CANCELLED)), null));
                    return;
                }
                int before = payment.effects().size();
                payment.chargeRequestedAgain(charge.requestId());
                String warning = charge.amount().equals(payment.amount())
                        ? null
                        : "Order %s asked to be charged %s but its payment is for %s; the payment stands"
                                .formatted(orderId, charge.amount(), payment.amount());
                applied.answers.put(positioned.position(), new Answer(since(payment, before), warning));
            }
            case RefundRequest refund -> {
                if (payment == null) {
                    if (applied.cancelled == null) {
                        applied.cancelled = new CancelledOrder(orderId, refund.reason(), now);
                    }
                    applied.answers.put(
                            positioned.position(),
                            new Answer(List.of(new Effect.Refunded(orderId, Money.zero(currency))), null));
                    return;
                }
                int before = payment.effects().size();
                payment.requestRefund(refund.requestId(), now);
                // The provider's answer to the refund continues the trace of the request asking for it.
                applied.traceparent = positioned.traceparent();
                applied.answers.put(positioned.position(), new Answer(since(payment, before), null));
            }
            case RefundAmountRequest part -> {
                if (payment == null || part.amount() < 0) {
                    // Without a payment nothing was captured (and, unlike a cancellation, a partial refund
                    // leaves no mark on the order); below zero is no amount a payment could take.
                    String reason = payment == null ? Payment.NOTHING_CAPTURED : Payment.INVALID_AMOUNT;
                    applied.answers.put(
                            positioned.position(),
                            new Answer(List.of(new Effect.RefundRefused(orderId, part.refundId(), reason)), null));
                    return;
                }
                int before = payment.effects().size();
                int refundsBefore = payment.refunds().size();
                payment.requestPartialRefund(
                        part.refundId(),
                        part.requestId(),
                        new Money(part.amount(), part.currency()),
                        part.reason(),
                        now);
                if (payment.refunds().size() > refundsBefore) {
                    // Accepted: the provider's answer continues this request's trace.
                    applied.traceparent = positioned.traceparent();
                }
                applied.answers.put(positioned.position(), new Answer(since(payment, before), null));
            }
            case RenewActionRequest renew -> {
                // Nothing to renew without a payment waiting for its customer; the answer, if any, is the
                // provider's fresh action, and continues this request's trace.
                if (payment != null && payment.requestFreshAction(now)) {
                    applied.traceparent = positioned.traceparent();
                }
                applied.answers.put(positioned.position(), new Answer(List.of(), null));
            }
        }
    }

    private static List<Effect> since(Payment payment, int before) {
        var effects = payment.effects();
        return effects.subList(before, effects.size());
    }

    private record Positioned(int position, PaymentRequest request, String traceparent) {}

    /**
     * What a request answers the saga, and what it is worth a warning in the log.
     *
     * @param warning null when nothing is
     */
    record Answer(List<Effect> effects, String warning) {}

    /** What an order's requests did: its payment after them, each request's answer, what to record. */
    static final class Applied {

        private final String orderId;
        private final Payment payment;
        private final boolean opened;
        private final Payment.State before;
        private final String traceBefore;
        private final Map<Integer, Answer> answers = new LinkedHashMap<>();
        private String traceparent;
        private CancelledOrder cancelled;
        private TakenCall leased;

        private Applied(String orderId, Payment payment, String traceparent, boolean opened) {
            this.orderId = orderId;
            this.payment = payment;
            this.opened = opened;
            this.before = payment == null ? null : payment.state();
            this.traceBefore = traceparent;
            this.traceparent = traceparent;
        }

        String orderId() {
            return orderId;
        }

        /** The order's payment after the requests; null when it has none. */
        Payment payment() {
            return payment;
        }

        /** Whether the payment is new, opened by the first request. */
        boolean opened() {
            return opened;
        }

        /** Whether a stored payment changed, or now serves another command's trace. */
        boolean changed() {
            return payment != null && (!payment.state().equals(before) || !Objects.equals(traceparent, traceBefore));
        }

        TracedPayment traced() {
            return new TracedPayment(payment, traceparent);
        }

        /** An order cancelled before it had a payment, to remember; null when there is none. */
        CancelledOrder cancelled() {
            return cancelled;
        }

        /** Takes the payment's provider call if one is due now, to be saved with its lease. */
        void leaseDueCall(HandedOverCalls calls, Instant now) {
            if (payment != null) {
                leased = calls.lease(payment, now).orElse(null);
            }
        }

        /** The call taken for the payment; null when none is due. */
        TakenCall leased() {
            return leased;
        }

        /** Each request's answer, by its position in the batch. */
        Map<Integer, Answer> answers() {
            return answers;
        }
    }
}
