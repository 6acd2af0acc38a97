package bookstore.payment.payments.messaging;

import bookstore.events.order.ChargePayment;
import bookstore.events.order.RefundPayment;
import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.ChargingPayment;
import bookstore.payment.payments.application.RefundingPayment;
import bookstore.payment.payments.domain.Money;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The order saga's payment commands, handed to the use cases. */
@Component
class PaymentCommandListener {

    private final ChargingPayment charging;
    private final RefundingPayment refunding;

    PaymentCommandListener(ChargingPayment charging, RefundingPayment refunding) {
        this.charging = charging;
        this.refunding = refunding;
    }

    Mono<Void> on(ChargePayment command) {
        return charging.charge(new ChargeRequest(
                command.orderId(),
                command.customerId(),
                new Money(command.amount().amount(), command.amount().currency()),
                command.paymentMethod()));
    }

    Mono<Void> on(RefundPayment command) {
        return refunding.refund(command.orderId(), command.reason());
    }
}
