package bookstore.payment.provider.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import com.stripe.exception.ApiException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The Stripe adapter against Stripe's documented responses, replayed by a local HTTP server that the
 * SDK's API base points at. The server also records what the SDK sent, so the tests check the
 * requests (paths, form parameters, idempotency keys, the API key) as well as the answers.
 */
class StripeProviderTests {

    static final String API_KEY = "sk_test_recorded";
    static final String INTENT = "pi_3QbVx2LkdIwHu7ix0Yh5Fq2C";
    static final UUID PAYMENT = UUID.fromString("6f1c2b8e-3d4a-4b7e-9a51-2c7d8e9f0a1b");
    static final Money PRICE = new Money(4_200, "CNY");
    static final String RETURN_URL = "https://shop.example/orders/{orderId}";

    RecordedStripe stripe;
    StripeProvider provider;

    @BeforeEach
    void startRecordedStripe() throws IOException {
        stripe = new RecordedStripe();
        var properties =
                new StripeProperties(API_KEY, "whsec_unused", stripe.baseUrl(), Duration.ofSeconds(5), 0, RETURN_URL);
        provider = new StripeConfiguration().stripeProvider(properties);
    }

    @AfterEach
    void stopRecordedStripe() {
        stripe.stop();
    }

    @Test
    void chargeCreatesAndConfirmsAPaymentIntentUnderIdempotencyKeys() {
        stripe.answer(200, "payment_intent_created.json").answer(200, "payment_intent_succeeded.json");

        StepVerifier.create(provider.charge(charge("pm_card_visa")))
                .expectNext(new ProviderAnswer.Succeeded(INTENT))
                .verifyComplete();

        var create = stripe.requests().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/v1/payment_intents");
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(create.header("Idempotency-Key")).isEqualTo("payment-key-create");
        assertThat(create.form())
                .containsEntry("amount", "4200")
                .containsEntry("currency", "cny")
                .containsEntry("payment_method", "pm_card_visa")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("metadata[payment_id]", PAYMENT.toString())
                .containsEntry("metadata[order_id]", "order-4711");

        var confirm = stripe.requests().get(1);
        assertThat(confirm.path()).isEqualTo("/v1/payment_intents/" + INTENT + "/confirm");
        assertThat(confirm.header("Idempotency-Key")).isEqualTo("payment-key-confirm");
    }

    @Test
    void cardAskingFor3dSecureSendsTheCustomerToStripesPageAndBackToTheOrder() {
        stripe.answer(200, "payment_intent_created.json").answer(200, "payment_intent_requires_action.json");

        var answer = provider.charge(charge("pm_card_threeDSecure2Required")).block();

        assertThat(answer).isInstanceOfSatisfying(ProviderAnswer.ActionRequired.class, required -> {
            assertThat(required.reference()).isEqualTo(INTENT);
            assertThat(required.action().kind()).isEqualTo(CustomerAction.Kind.REDIRECT);
            assertThat(required.action().value())
                    .startsWith("https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1QbVwzLkdIwHu7ix");
            assertThat(required.action().expiresAt()).isNull();
        });
        var confirm = stripe.requests().get(1);
        assertThat(confirm.path()).isEqualTo("/v1/payment_intents/" + INTENT + "/confirm");
        assertThat(confirm.form()).containsEntry("return_url", "https://shop.example/orders/order-4711");
    }

    @Test
    void statusCheckOfAChargeWaitingFor3dSecureStillSendsTheCustomerThere() {
        stripe.answer(200, "payment_intent_requires_action.json");

        StepVerifier.create(provider.checkStatus(new ProviderCall.CheckStatus(PAYMENT, INTENT)))
                .assertNext(answer -> assertThat(answer).isInstanceOf(ProviderAnswer.ActionRequired.class))
                .verifyComplete();
    }

    @Test
    void returnUrlMustNameTheOrderPage() {
        assertThatThrownBy(() -> new StripeProperties(
                        API_KEY, "whsec_unused", stripe.baseUrl(), Duration.ofSeconds(5), 0, "https://shop.example/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{orderId}");
    }

    @Test
    void declinedCardIsAnAnswerWithStripesDeclineCode() {
        stripe.answer(200, "payment_intent_created.json").answer(402, "confirm_declined_insufficient_funds.json");

        StepVerifier.create(provider.charge(charge("pm_card_chargeDeclinedInsufficientFunds")))
                .expectNext(new ProviderAnswer.Declined(INTENT, "insufficient_funds"))
                .verifyComplete();
    }

    @Test
    void genericDeclineIsReportedAsCardDeclined() {
        stripe.answer(200, "payment_intent_created.json").answer(402, "confirm_declined_generic.json");

        StepVerifier.create(provider.charge(charge("pm_card_chargeDeclined")))
                .expectNext(new ProviderAnswer.Declined(INTENT, "card_declined"))
                .verifyComplete();
    }

    @Test
    void unknownPaymentMethodIsDeclinedWithoutConfirming() {
        stripe.answer(400, "create_unknown_payment_method.json");

        StepVerifier.create(provider.charge(charge("pm_card_nonexistent")))
                .expectNext(new ProviderAnswer.Declined(null, "resource_missing"))
                .verifyComplete();
        assertThat(stripe.requests()).hasSize(1);
    }

    @Test
    void stripeFailureIsAnErrorSoTheCallIsMadeAgainLater() {
        stripe.answer(500, "api_error.json");

        StepVerifier.create(provider.charge(charge("pm_card_visa")))
                .expectError(ApiException.class)
                .verify();
    }

    @Test
    void cancelOfAPendingChargeCancelsThePaymentIntent() {
        stripe.answer(200, "payment_intent_canceled.json");

        StepVerifier.create(provider.cancel(new ProviderCall.Cancel(PAYMENT, INTENT)))
                .expectNext(new ProviderAnswer.Canceled(INTENT))
                .verifyComplete();

        var cancel = stripe.requests().getFirst();
        assertThat(cancel.path()).isEqualTo("/v1/payment_intents/" + INTENT + "/cancel");
        assertThat(cancel.form()).containsEntry("cancellation_reason", "requested_by_customer");
    }

    @Test
    void cancelOfAChargeCapturedMeanwhileAnswersThatItSucceeded() {
        stripe.answer(400, "cancel_unexpected_state.json").answer(200, "payment_intent_succeeded.json");

        StepVerifier.create(provider.cancel(new ProviderCall.Cancel(PAYMENT, INTENT)))
                .expectNext(new ProviderAnswer.Succeeded(INTENT))
                .verifyComplete();

        var retrieve = stripe.requests().get(1);
        assertThat(retrieve.method()).isEqualTo("GET");
        assertThat(retrieve.path()).isEqualTo("/v1/payment_intents/" + INTENT);
    }

    @Test
    void statusCheckReadsThePaymentIntent() {
        stripe.answer(200, "payment_intent_succeeded.json");

        StepVerifier.create(provider.checkStatus(new ProviderCall.CheckStatus(PAYMENT, INTENT)))
                .expectNext(new ProviderAnswer.Succeeded(INTENT))
                .verifyComplete();
    }

    @Test
    void refundCreatesARefundOfThePaymentIntentUnderItsKey() {
        stripe.answer(200, "refund_created.json");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, INTENT, PRICE, "payment-key-refund")))
                .expectNext(new ProviderAnswer.Refunded(INTENT, PRICE))
                .verifyComplete();

        var refund = stripe.requests().getFirst();
        assertThat(refund.path()).isEqualTo("/v1/refunds");
        assertThat(refund.header("Idempotency-Key")).isEqualTo("payment-key-refund");
        assertThat(refund.form())
                .containsEntry("payment_intent", INTENT)
                .containsEntry("amount", "4200")
                .containsEntry("metadata[payment_id]", PAYMENT.toString());
    }

    @Test
    void partialRefundIsARefundOfPartOfThePaymentIntentUnderItsOwnKey() {
        stripe.answer(200, "refund_partial_pending.json");
        var part = new Money(1_200, "CNY");

        StepVerifier.create(provider.refund(
                        new ProviderCall.Refund(PAYMENT, INTENT, part, "payment-key-refund-return-7", "return-7")))
                .expectNext(new ProviderAnswer.Refunded(INTENT, part, "return-7"))
                .verifyComplete();

        var refund = stripe.requests().getFirst();
        assertThat(refund.method()).isEqualTo("POST");
        assertThat(refund.path()).isEqualTo("/v1/refunds");
        assertThat(refund.header("Idempotency-Key")).isEqualTo("payment-key-refund-return-7");
        assertThat(refund.form())
                .containsEntry("payment_intent", INTENT)
                .containsEntry("amount", "1200")
                .containsEntry("metadata[payment_id]", PAYMENT.toString())
                .containsEntry("metadata[refund_id]", "return-7");
    }

    @Test
    void partialRefundStripeRefusesIsRefusedWithItsCode() {
        stripe.answer(400, "refund_charge_already_refunded.json")
                .answer(400, "refund_amount_greater_than_unrefunded.json");
        var part = new ProviderCall.Refund(PAYMENT, INTENT, new Money(30_000, "CNY"), "key-return-8", "return-8");

        StepVerifier.create(provider.refund(part))
                .expectNext(new ProviderAnswer.RefundRefused(INTENT, "return-8", "charge_already_refunded"))
                .verifyComplete();
        // Refused without a code: the error's type stands for it.
        StepVerifier.create(provider.refund(part))
                .expectNext(new ProviderAnswer.RefundRefused(INTENT, "return-8", "invalid_request_error"))
                .verifyComplete();
    }

    @Test
    void partialRefundMeetingAStripeFailureIsAnErrorSoItIsMadeAgainUnderTheSameKey() {
        stripe.answer(500, "api_error.json");

        StepVerifier.create(provider.refund(
                        new ProviderCall.Refund(PAYMENT, INTENT, new Money(100, "CNY"), "key-return-9", "return-9")))
                .expectError(ApiException.class)
                .verify();
    }

    @Test
    void refundOfAllThatIsLeftOfAnAlreadyRefundedChargeCountsAsDone() {
        stripe.answer(400, "refund_charge_already_refunded.json");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, INTENT, PRICE, "payment-key-refund")))
                .expectNext(new ProviderAnswer.Refunded(INTENT, PRICE))
                .verifyComplete();
    }

    private static ProviderCall.Charge charge(String paymentMethod) {
        return new ProviderCall.Charge(PAYMENT, "order-4711", PRICE, paymentMethod, "payment-key", null);
    }

    /** A local stand-in for api.stripe.com that answers with recorded responses, in order. */
    static final class RecordedStripe {

        private final HttpServer server;
        private final Deque<Map.Entry<Integer, String>> answers = new ArrayDeque<>();
        private final List<Request> requests = new CopyOnWriteArrayList<>();

        RecordedStripe() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().entrySet().stream()
                                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue()
                                        .getFirst())),
                        new String(body, StandardCharsets.UTF_8)));
                var answer = answers.poll();
                byte[] response = answer == null
                        ? "{\"error\":{\"type\":\"api_error\",\"message\":\"no recording left\"}}".getBytes()
                        : recording(answer.getValue());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Request-Id", "req_recorded");
                exchange.sendResponseHeaders(answer == null ? 500 : answer.getKey(), response.length);
                exchange.getResponseBody().write(response);
                exchange.close();
            });
            server.start();
        }

        RecordedStripe answer(int status, String recording) {
            answers.add(Map.entry(status, recording));
            return this;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<Request> requests() {
            return requests;
        }

        void stop() {
            server.stop(0);
        }

        private static byte[] recording(String name) {
            try (InputStream in = StripeProviderTests.class.getResourceAsStream("/stripe/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no recording " + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Request(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        Map<String, String> form() {
            if (body.isEmpty()) {
                return Map.of();
            }
            return Arrays.stream(body.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(
                            pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                            pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        }
    }
}
