package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.payments.domain.ProviderAnswer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The charges of the last few minutes whose outcome this replica recorded from the provider's
 * answer to its own call. A provider follows such an answer with a webhook that says the same
 * (Stripe sends {@code payment_intent.succeeded} after a card PaymentIntent it confirmed in the
 * call), and since a payment takes an outcome only while processing, that webhook can change
 * nothing: it is acknowledged without asking the database. A webhook that reaches another replica,
 * or comes after the charge is forgotten here, takes the ordinary path and changes nothing there.
 * The one outcome a settled payment still takes is a capture of a cancelled one (the customer paid
 * as the trade was closed, {@code Payment.capturedAfterCancellation}): that always takes the
 * ordinary path.
 */
@Component
class SettledCharges {

    /** Several minutes of charges at the shop's highest rates; webhooks follow within seconds. */
    private static final int REMEMBERED = 50_000;

    private final Cache<String, PaymentStatus> references =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    /** Remembers the payments whose outcome is now committed. */
    void remember(List<TracedPayment> committed) {
        for (TracedPayment stored : committed) {
            var payment = stored.payment();
            if (payment.outcomeSettled() && payment.providerReference() != null) {
                references.put(key(payment.provider(), payment.providerReference()), payment.status());
            }
        }
    }

    /** Whether the answer is an outcome of a charge whose outcome is known to be on record and takes no other. */
    boolean alreadySettled(String provider, ProviderAnswer answer) {
        if (answer == null || !answer.isOutcome()) {
            return false;
        }
        PaymentStatus recorded = references.getIfPresent(key(provider, answer.reference()));
        return recorded != null && !(recorded == PaymentStatus.CANCELLED && answer instanceof ProviderAnswer.Succeeded);
    }

    private static String key(String provider, String reference) {
        return provider + '\u0000' + reference;
    }
}
