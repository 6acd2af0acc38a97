package bookstore.payment.webhook;

import bookstore.payment.payments.application.ProviderEvent;
import bookstore.payment.payments.domain.ProviderAnswer;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads webhook events in Stripe's event format, which the sandbox provider speaks too: {@code
 * {"id": "evt_…", "type": "payment_intent.succeeded", "data": {"object": <PaymentIntent>}}}, with
 * our payment id in the PaymentIntent's {@code metadata.payment_id}.
 */
public final class StripeEventFormat {

    /** The metadata key under which charges carry our payment id. */
    public static final String PAYMENT_ID = "payment_id";

    /** The metadata key under which charges carry the order id. */
    public static final String ORDER_ID = "order_id";

    /** The metadata key under which partial refunds carry the saga's refund id. */
    public static final String REFUND_ID = "refund_id";

    private static final String GENERIC_DECLINE = "generic_decline";

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Why a charge was declined, from Stripe's error {@code code} and {@code decline_code}: the
     * specific decline code when the issuer gave one ({@code insufficient_funds}), else the code
     * ({@code card_declined}).
     */
    public static String declineReason(String code, String declineCode) {
        if (declineCode != null && !declineCode.isBlank() && !declineCode.equals(GENERIC_DECLINE)) {
            return declineCode;
        }
        return code == null || code.isBlank() ? "payment_failed" : code;
    }

    /**
     * @throws MalformedEventException if the payload is not an event
     */
    ProviderEvent read(String provider, byte[] payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("the event is not JSON");
        }
        String id = event.path("id").stringValue(null);
        String type = event.path("type").stringValue(null);
        if (id == null || type == null) {
            throw new MalformedEventException("the event has no id or type");
        }
        JsonNode object = event.path("data").path("object");
        if (!type.startsWith("payment_intent.")
                || !"payment_intent".equals(object.path("object").stringValue(null))) {
            return new ProviderEvent(provider, id, type, null, null);
        }
        String reference = object.path("id").stringValue(null);
        if (reference == null) {
            throw new MalformedEventException("the payment intent has no id");
        }
        return new ProviderEvent(provider, id, type, paymentId(object), answer(type, reference, object));
    }

    private static ProviderAnswer answer(String type, String reference, JsonNode intent) {
        return switch (type) {
            case "payment_intent.succeeded" -> new ProviderAnswer.Succeeded(reference);
            case "payment_intent.processing" -> new ProviderAnswer.Processing(reference);
            case "payment_intent.canceled" -> new ProviderAnswer.Canceled(reference);
            case "payment_intent.payment_failed" -> {
                JsonNode error = intent.path("last_payment_error");
                yield new ProviderAnswer.Declined(
                        reference,
                        declineReason(
                                error.path("code").stringValue(null),
                                error.path("decline_code").stringValue(null)));
            }
            default -> null;
        };
    }

    /** Our payment id, if the intent is one of ours; intents made elsewhere on the account have none. */
    private static UUID paymentId(JsonNode intent) {
        String value = intent.path("metadata").path(PAYMENT_ID).stringValue(null);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A signed payload that is not a readable event. */
    static final class MalformedEventException extends RuntimeException {

        MalformedEventException(String message) {
            super(message);
        }
    }
}
