package bookstore.payment.provider.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's documented test payment methods and what each does at confirmation: the approved ones
 * are captured at once, as Stripe captures a card while it confirms, the others are declined with
 * Stripe's reason. A method Stripe does not know is refused as Stripe refuses it, with {@code
 * resource_missing}.
 *
 * <p>Two of Stripe's methods ask for 3-D Secure ({@link #requiresAuthentication}): the charge waits
 * in {@code requires_action} until the cardholder confirms or refuses it on the sandbox's page, as
 * their bank's page would have them.
 *
 * <p>One method is the sandbox's own: {@value #CONFIRMED_LATER} is approved, but its charge stays
 * {@code processing} and is captured a moment later, which the sandbox reports only by webhook. It
 * stands in for payments Stripe completes after the call (bank debits, for instance), so the path
 * those take stays exercised; Stripe itself does not know it.
 */
final class SandboxCards {

    /** Approved, then captured a moment after the call and reported by webhook. */
    static final String CONFIRMED_LATER = "pm_card_visa_processing";

    private static final Set<String> APPROVED = Set.of(
            "pm_card_visa",
            "pm_card_visa_debit",
            "pm_card_mastercard",
            "pm_card_mastercard_debit",
            "pm_card_mastercard_prepaid",
            "pm_card_amex",
            "pm_card_discover",
            "pm_card_diners",
            "pm_card_jcb",
            "pm_card_unionpay");

    private static final Map<String, String> DECLINED = Map.ofEntries(
            Map.entry("pm_card_chargeDeclined", "card_declined"),
            Map.entry("pm_card_visa_chargeDeclined", "card_declined"),
            Map.entry("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"),
            Map.entry("pm_card_visa_chargeDeclinedInsufficientFunds", "insufficient_funds"),
            Map.entry("pm_card_chargeDeclinedLostCard", "lost_card"),
            Map.entry("pm_card_visa_chargeDeclinedLostCard", "lost_card"),
            Map.entry("pm_card_chargeDeclinedStolenCard", "stolen_card"),
            Map.entry("pm_card_visa_chargeDeclinedStolenCard", "stolen_card"),
            Map.entry("pm_card_chargeDeclinedFraudulent", "fraudulent"),
            Map.entry("pm_card_visa_chargeDeclinedFraudulent", "fraudulent"),
            Map.entry("pm_card_chargeDeclinedExpiredCard", "expired_card"),
            Map.entry("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc"),
            Map.entry("pm_card_chargeDeclinedProcessingError", "processing_error"),
            Map.entry("pm_card_visa_chargeDeclinedVelocityLimitExceeded", "card_velocity_exceeded"));

    /** Stripe's test cards that ask the cardholder for 3-D Secure on every payment. */
    private static final Set<String> AUTHENTICATED =
            Set.of("pm_card_threeDSecure2Required", "pm_card_authenticationRequired");

    static final String UNKNOWN_METHOD = "resource_missing";

    /** Stripe's decline code for a payment the cardholder did not authenticate. */
    static final String AUTHENTICATION_REQUIRED = "authentication_required";

    private SandboxCards() {}

    /** Why a charge with this payment method is declined; empty when it is approved. */
    static Optional<String> declineReason(String paymentMethod) {
        if (APPROVED.contains(paymentMethod)
                || CONFIRMED_LATER.equals(paymentMethod)
                || AUTHENTICATED.contains(paymentMethod)) {
            return Optional.empty();
        }
        return Optional.of(DECLINED.getOrDefault(paymentMethod, UNKNOWN_METHOD));
    }

    /** Whether a charge with this payment method waits for the cardholder's 3-D Secure. */
    static boolean requiresAuthentication(String paymentMethod) {
        return AUTHENTICATED.contains(paymentMethod);
    }

    /** Whether an approved charge with this payment method is captured only after the call. */
    static boolean confirmsLater(String paymentMethod) {
        return CONFIRMED_LATER.equals(paymentMethod);
    }
}
