package bookstore.payment.payments.messaging;

import bookstore.events.Topics;
import bookstore.events.order.PaymentCommand;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Commands are keyed by order, so one order's charge and refund reach the same consumer in the
     * order they were sent; each poll's commands are taken as one batch, idempotent by the payment
     * each order has, and the provider is called afterwards.
     */
    @Bean
    EventSubscription<PaymentCommand> paymentCommands(PaymentCommandListener listener) {
        return EventSubscription.onBatch(Topics.PAYMENT_COMMANDS, "payment-commands", listener::on)
                .withConcurrency(3);
    }
}
