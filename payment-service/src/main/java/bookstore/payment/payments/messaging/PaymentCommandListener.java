package bookstore.payment.payments.messaging;

import bookstore.events.order.ChargePayment;
import bookstore.events.order.PaymentCommand;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.RefundPayment;
import bookstore.events.order.RenewPaymentAction;
import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.PaymentRequest;
import bookstore.payment.payments.application.RefundAmountRequest;
import bookstore.payment.payments.application.RefundRequest;
import bookstore.payment.payments.application.RenewActionRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import bookstore.payment.payments.domain.Money;
import bookstore.platform.messaging.Delivered;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The order saga's payment commands, a poll's worth at a time, handed to the use case. */
@Component
class PaymentCommandListener {

    private final TakingSagaCommands commands;

    PaymentCommandListener(TakingSagaCommands commands) {
        this.commands = commands;
    }

    Mono<Void> on(List<Delivered<PaymentCommand>> batch) {
        return Mono.defer(() -> commands.take(batch.stream()
                .map(delivered -> new SagaCommand(request(delivered.event()), delivered::traced))
                .toList()));
    }

    private static PaymentRequest request(PaymentCommand command) {
        return switch (command) {
            case ChargePayment charge ->
                new ChargeRequest(
                        charge.eventId(),
                        charge.orderId(),
                        charge.customerId(),
                        new Money(charge.amount().amount(), charge.amount().currency()),
                        charge.paymentMethod(),
                        charge.payBy());
            case RefundPayment refund -> new RefundRequest(refund.eventId(), refund.orderId(), refund.reason());
            case RenewPaymentAction renew -> new RenewActionRequest(renew.eventId(), renew.orderId());
            case RefundAmount part ->
                new RefundAmountRequest(
                        part.eventId(),
                        part.orderId(),
                        part.refundId(),
                        part.amount().amount(),
                        part.amount().currency(),
                        part.reason());
        };
    }
}
