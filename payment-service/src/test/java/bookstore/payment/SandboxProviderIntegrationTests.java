package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sandbox as the worker calls it: a card is captured or declined in the call itself, as Stripe
 * answers a PaymentIntent confirmed with a card; its processing card is only accepted, and captured
 * a moment later.
 */
@PaymentServiceIntegrationTest
class SandboxProviderIntegrationTests {

    @Autowired
    PaymentProvider provider;

    @Test
    void cardIsCapturedOrDeclinedInTheCall() {
        assertThat(provider.name()).isEqualTo("sandbox");
        assertThat(provider.charge(charge("pm_card_visa")).block()).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(provider.charge(charge("pm_card_chargeDeclinedInsufficientFunds"))
                        .block())
                .isInstanceOfSatisfying(ProviderAnswer.Declined.class, declined -> assertThat(declined.reason())
                        .isEqualTo("insufficient_funds"));
    }

    @Test
    void processingCardIsAcceptedInTheCallAndCapturedOnlyLater() {
        var call = charge("pm_card_visa_processing");

        var answer = provider.charge(call).block();

        assertThat(answer).isInstanceOf(ProviderAnswer.Processing.class);
        var check = new ProviderCall.CheckStatus(call.paymentId(), answer.reference());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(provider.checkStatus(check).block())
                        .isEqualTo(new ProviderAnswer.Succeeded(answer.reference())));
    }

    @Test
    void chargeRepeatedUnderItsKeyIsAnsweredWithTheFirstOutcome() {
        var call = charge("pm_card_mastercard");

        var first = provider.charge(call).block();
        var repeated = provider.charge(call).block();

        assertThat(first).isInstanceOf(ProviderAnswer.Succeeded.class);
        assertThat(repeated).isEqualTo(first);
    }

    private static ProviderCall.Charge charge(String paymentMethod) {
        UUID paymentId = UUID.randomUUID();
        return new ProviderCall.Charge(
                paymentId,
                "order-" + UUID.randomUUID(),
                new Money(1_000, "CNY"),
                paymentMethod,
                "payment-" + paymentId + "-charge",
                null);
    }
}
