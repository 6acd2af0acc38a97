package bookstore.payment.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.platform.outbox.Outbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How due provider calls are made, retried and followed up, with the provider and the store faked. */
class CallingProviderTests {

    static final Money PRICE = new Money(1_500, "CNY");

    final TickingClock clock = new TickingClock(Instant.parse("2025-06-01T10:00:00Z"));
    final InMemoryPayments payments = new InMemoryPayments();
    final ScriptedProvider provider = new ScriptedProvider();
    final List<PaymentEvent> announced = new CopyOnWriteArrayList<>();
    final PaymentProperties properties = new PaymentProperties(
            "CNY",
            new PaymentProperties.ProviderCalls(
                    Duration.ofSeconds(1),
                    10,
                    2,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(2),
                    Duration.ofMinutes(5)));

    CallingProvider calls;

    @BeforeEach
    void wire() {
        Outbox outbox = mock(Outbox.class);
        when(outbox.append(any(), any())).thenAnswer(invocation -> {
            announced.add(invocation.getArgument(1));
            return Mono.empty();
        });
        var answers = new ProviderAnswers(payments, new SagaAnnouncements(outbox, clock), properties, clock);
        calls = new CallingProvider(payments, provider, answers, new NoTransactions(), properties, clock);
    }

    @Test
    void unreachableProviderIsCalledAgainUnderTheSameKeyOnceTheBackOffHasPassed() {
        var payment = requested();
        provider.fails(2);

        assertThat(calls.callDue().block()).isEqualTo(1);
        assertThat(calls.callDue().block()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(calls.callDue().block()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(3));
        assertThat(calls.callDue().block()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(calls.callDue().block()).isEqualTo(1);

        assertThat(provider.chargeKeys()).hasSize(3).containsOnly(payment.chargeKey());
        assertThat(payments.get(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(announced).singleElement().isInstanceOf(PaymentSucceeded.class);
    }

    @Test
    void chargeCapturedWhileBeingCancelledIsRefundedInTheNextRound() {
        var payment = requested();
        provider.answerChargesWith(reference -> new ProviderAnswer.Processing(reference));
        calls.callDue().block();
        var stored = payments.get(payment.id());
        stored.requestRefund(clock.instant());
        provider.answerCancelsWith(reference -> new ProviderAnswer.Succeeded(reference));

        calls.callDue().block();
        calls.callDue().block();

        assertThat(provider.calls())
                .extracting(call -> call.getClass().getSimpleName())
                .containsExactly("Charge", "Cancel", "Refund");
        assertThat(payments.get(payment.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(0)).isInstanceOf(PaymentSucceeded.class);
        assertThat(announced.get(1)).isInstanceOfSatisfying(PaymentRefunded.class, refunded -> assertThat(
                        refunded.amount().amount())
                .isEqualTo(PRICE.amount()));
    }

    @Test
    void acceptedChargeWithoutWebhookIsCheckedAfterTheConfirmationWindow() {
        var payment = requested();
        provider.answerChargesWith(reference -> new ProviderAnswer.Processing(reference));
        calls.callDue().block();

        clock.advance(Duration.ofSeconds(59));
        assertThat(calls.callDue().block()).isZero();
        clock.advance(Duration.ofSeconds(1));
        calls.callDue().block();

        assertThat(provider.calls().getLast()).isInstanceOf(ProviderCall.CheckStatus.class);
        assertThat(payments.get(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    private Payment requested() {
        var payment = Payment.request(
                UUID.randomUUID(),
                "order-" + UUID.randomUUID(),
                "customer-1",
                PRICE,
                "pm_card_visa",
                "fake",
                clock.instant());
        payments.insert(payment).block();
        return payment;
    }

    /** A provider that fails the first calls, then answers as scripted (by default: captured). */
    static final class ScriptedProvider implements PaymentProvider {

        private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
        private int failuresLeft;
        private Function<String, ProviderAnswer> chargeAnswer = ProviderAnswer.Succeeded::new;
        private Function<String, ProviderAnswer> cancelAnswer = ProviderAnswer.Canceled::new;

        void fails(int times) {
            failuresLeft = times;
        }

        void answerChargesWith(Function<String, ProviderAnswer> answer) {
            chargeAnswer = answer;
        }

        void answerCancelsWith(Function<String, ProviderAnswer> answer) {
            cancelAnswer = answer;
        }

        List<ProviderCall> calls() {
            return calls;
        }

        List<String> chargeKeys() {
            return calls.stream()
                    .filter(ProviderCall.Charge.class::isInstance)
                    .map(call -> ((ProviderCall.Charge) call).idempotencyKey())
                    .toList();
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Mono<ProviderAnswer> charge(ProviderCall.Charge call) {
            return answer(call, () -> chargeAnswer.apply("pi_" + call.paymentId()));
        }

        @Override
        public Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call) {
            return answer(call, () -> new ProviderAnswer.Succeeded(call.reference()));
        }

        @Override
        public Mono<ProviderAnswer> cancel(ProviderCall.Cancel call) {
            return answer(call, () -> cancelAnswer.apply(call.reference()));
        }

        @Override
        public Mono<ProviderAnswer> refund(ProviderCall.Refund call) {
            return answer(call, () -> new ProviderAnswer.Refunded(call.reference(), call.amount()));
        }

        private Mono<ProviderAnswer> answer(ProviderCall call, Supplier<ProviderAnswer> answer) {
            calls.add(call);
            if (failuresLeft > 0) {
                failuresLeft--;
                return Mono.error(new IOException("provider unreachable"));
            }
            return Mono.fromSupplier(answer);
        }
    }

    /** Payments kept in memory; locks are no-ops because the tests run one call at a time. */
    static final class InMemoryPayments implements Payments {

        private final Map<UUID, Payment> byId = new ConcurrentHashMap<>();

        Payment get(UUID id) {
            return byId.get(id);
        }

        @Override
        public Mono<Void> lockOrder(String orderId) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> insert(Payment payment) {
            return Mono.just(byId.putIfAbsent(payment.id(), payment) == null);
        }

        @Override
        public Mono<Void> update(Payment payment) {
            byId.put(payment.id(), payment);
            return Mono.empty();
        }

        @Override
        public Mono<Payment> lockByOrder(String orderId) {
            return Mono.justOrEmpty(byId.values().stream()
                    .filter(p -> p.orderId().equals(orderId))
                    .findFirst());
        }

        @Override
        public Mono<Payment> lockById(UUID id) {
            return Mono.justOrEmpty(byId.get(id));
        }

        @Override
        public Mono<Payment> lockByReference(String provider, String reference) {
            return Mono.justOrEmpty(byId.values().stream()
                    .filter(p -> reference.equals(p.providerReference()))
                    .findFirst());
        }

        @Override
        public Flux<Payment> lockDue(Instant now, int limit) {
            return Flux.fromIterable(new ArrayList<>(byId.values()))
                    .filter(p -> p.isProviderCallDue(now))
                    .sort(Comparator.comparing(Payment::nextProviderCallAt))
                    .take(limit);
        }

        @Override
        public Mono<Boolean> recordCancelledOrder(String orderId, String reason, Instant at) {
            return Mono.just(true);
        }

        @Override
        public Mono<Boolean> isCancelledOrder(String orderId) {
            return Mono.just(false);
        }

        @Override
        public Mono<Payment> findById(UUID id) {
            return lockById(id);
        }

        @Override
        public Mono<List<Payment>> find(PaymentCriteria criteria, int page, int size) {
            return Mono.just(List.copyOf(byId.values()));
        }

        @Override
        public Mono<Long> count(PaymentCriteria criteria) {
            return Mono.just((long) byId.size());
        }
    }

    /** Runs the work as it is; the store above needs no transactions. */
    static final class NoTransactions implements TransactionalOperator {

        @Override
        public <T> Flux<T> execute(TransactionCallback<T> action) {
            return Flux.from(action.doInTransaction(mock(ReactiveTransaction.class)));
        }

        @Override
        public <T> Mono<T> transactional(Mono<T> mono) {
            return mono;
        }

        @Override
        public <T> Flux<T> transactional(Flux<T> flux) {
            return flux;
        }
    }

    static final class TickingClock extends Clock {

        private volatile Instant now;

        TickingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
