package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.sandbox.SandboxPayLinks;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The sandbox as the worker calls it: a card is captured or declined in the call itself, as Stripe
 * answers a PaymentIntent confirmed with a card; its processing card is only accepted, and captured
 * a moment later; a card that asks for 3-D Secure waits for the cardholder on the sandbox's page.
 */
@PaymentServiceIntegrationTest
class SandboxProviderIntegrationTests {

    @Autowired
    @Qualifier("sandboxProvider")
    PaymentProvider provider;

    @Autowired
    SandboxPayLinks links;

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

    @Test
    void cardAskingFor3dSecureSendsTheCardholderToTheSandboxPageUntilConfirmedOrCancelled() {
        var call = charge("pm_card_threeDSecure2Required");

        var answer = provider.charge(call).block();

        assertThat(answer).isInstanceOfSatisfying(ProviderAnswer.ActionRequired.class, required -> {
            assertThat(required.action().kind()).isEqualTo(CustomerAction.Kind.REDIRECT);
            assertThat(required.action().value())
                    .isEqualTo(links.pageFor("card-" + required.reference()).toString());
        });
        // Asked again (a fresh action, a status check), it still waits, with the same page.
        assertThat(provider.charge(call).block()).isEqualTo(answer);
        var check = new ProviderCall.CheckStatus(call.paymentId(), answer.reference());
        assertThat(provider.checkStatus(check).block()).isEqualTo(answer);
        // The order gives up waiting: the charge is cancelled before anyone confirmed it.
        assertThat(provider.cancel(new ProviderCall.Cancel(call.paymentId(), answer.reference()))
                        .block())
                .isEqualTo(new ProviderAnswer.Canceled(answer.reference()));
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
