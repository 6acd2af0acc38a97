package bookstore.payment.payments.messaging;

import bookstore.events.Topics;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.PaymentCommand;
import bookstore.events.order.RefundPayment;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Commands are keyed by order, so one order's charge and refund reach the same consumer in the
     * order they were sent; handlers only record intent, the provider is called afterwards.
     */
    @Bean
    EventSubscription<PaymentCommand> paymentCommands(PaymentCommandListener listener) {
        return EventSubscription.<PaymentCommand>on(
                        Topics.PAYMENT_COMMANDS, "payment-commands", command -> switch (command) {
                            case ChargePayment charge -> listener.on(charge);
                            case RefundPayment refund -> listener.on(refund);
                        })
                .withConcurrency(3);
    }
}
