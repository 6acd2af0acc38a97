package bookstore.payment.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.platform.outbox.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
                    Duration.ofMinutes(5),
                    // Long enough that answers made together are recorded together on a loaded machine too.
                    Duration.ofSeconds(1)));

    HandedOverCalls handedOver;
    CallingProvider calls;
    SimpleMeterRegistry meters;

    @BeforeEach
    void wire() {
        Outbox outbox = mock(Outbox.class);
        when(outbox.append(any(), any())).thenAnswer(invocation -> {
            announced.add(invocation.getArgument(1));
            return Mono.empty();
        });
        handedOver = new HandedOverCalls(properties);
        var answers = new ProviderAnswers(payments, new PaymentMessages(outbox, clock), handedOver, properties, clock);
        meters = new SimpleMeterRegistry();
        calls = new CallingProvider(
                payments,
                new PaymentProviders(List.of(provider)),
                answers,
                handedOver,
                new SettledCharges(),
                new NoTransactions(),
                properties,
                meters,
                clock);
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
        assertThat(providerCalls("Charge", "error")).as("the calls that failed").isEqualTo(2);
        assertThat(providerCalls("Charge", "answered")).isEqualTo(1);
    }

    private long providerCalls(String call, String outcome) {
        var timer = meters.find("bookstore.payments.provider.calls")
                .tags("call", call, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void chargeCapturedWhileBeingCancelledIsRefundedInTheNextRound() {
        var payment = requested();
        provider.answerChargesWith(reference -> new ProviderAnswer.Processing(reference));
        calls.callDue().block();
        var stored = payments.get(payment.id());
        stored.requestRefund(UUID.randomUUID(), clock.instant());
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
    void partialRefundsAreCalledOneAfterTheOtherEachRetriedUnderItsOwnKey() {
        var payment = requested();
        calls.callDue().block();
        var stored = payments.get(payment.id());
        stored.requestPartialRefund("return-1", UUID.randomUUID(), new Money(500, "CNY"), "returned", clock.instant());
        stored.requestPartialRefund("return-2", UUID.randomUUID(), new Money(300, "CNY"), "returned", clock.instant());
        provider.fails(1);

        assertThat(calls.callDue().block()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        assertThat(calls.callDue().block()).isEqualTo(1);
        // The first part's answer makes the second due at once: handed over, not left to a poll.
        assertThat(calls.hasMoreWaiting()).isTrue();
        assertThat(calls.callDue().block()).isEqualTo(1);

        assertThat(provider.calls().subList(1, provider.calls().size()))
                .extracting(call -> ((ProviderCall.Refund) call).idempotencyKey())
                .containsExactly(
                        "payment-" + payment.id() + "-refund-return-1",
                        "payment-" + payment.id() + "-refund-return-1",
                        "payment-" + payment.id() + "-refund-return-2");
        assertThat(payments.get(payment.id()).refunded()).isEqualTo(new Money(800, "CNY"));
        assertThat(announced)
                .filteredOn(AmountRefunded.class::isInstance)
                .extracting(event -> ((AmountRefunded) event).totalRefunded().amount())
                .containsExactly(500L, 800L);
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

    @Test
    void callsHandedOverAreMadeWithoutLookingForThemInTheStore() {
        assertThat(calls.callDue().block()).isZero();
        assertThat(payments.dueLookups()).isEqualTo(1);
        var payment = handedOver(requested());

        assertThat(calls.callDue().block()).isEqualTo(1);

        assertThat(payments.dueLookups()).isEqualTo(1);
        assertThat(provider.chargeKeys()).containsExactly(payment.chargeKey());
        assertThat(payments.get(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(announced).singleElement().isInstanceOf(PaymentSucceeded.class);
    }

    @Test
    void answersThatComeBackTogetherAreRecordedWithOneUpdate() {
        List<Payment> charged = List.of(handedOver(requested()), handedOver(requested()), handedOver(requested()));

        assertThat(calls.callDue().block()).isEqualTo(3);

        assertThat(payments.updateSizes()).containsExactly(3);
        assertThat(charged)
                .allSatisfy(payment ->
                        assertThat(payments.get(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED));
        assertThat(announced).hasSize(3).allMatch(PaymentSucceeded.class::isInstance);
    }

    @Test
    void callMadeDueByAnAnswerIsHandedOverForTheNextRound() {
        var payment = requested();
        provider.answerChargesWith(reference -> new ProviderAnswer.Processing(reference));
        calls.callDue().block();
        payments.get(payment.id()).requestRefund(UUID.randomUUID(), clock.instant());
        provider.answerCancelsWith(reference -> new ProviderAnswer.Succeeded(reference));
        calls.callDue().block();

        // Captured instead of cancelled: the refund is due now, leased and handed over, not left to a poll.
        assertThat(calls.hasMoreWaiting()).isTrue();
        assertThat(payments.get(payment.id()).isProviderCallDue(clock.instant()))
                .isFalse();
        int lookups = payments.dueLookups();
        calls.callDue().block();

        assertThat(payments.dueLookups()).isEqualTo(lookups);
        assertThat(provider.calls().getLast()).isInstanceOf(ProviderCall.Refund.class);
        assertThat(payments.get(payment.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void answerThatDoesNotFitItsPaymentDoesNotHoldUpTheOthersRecordedWithIt() {
        var misanswered = requested();
        var refunded = requested();
        calls.callDue().block();
        payments.get(misanswered.id()).requestRefund(UUID.randomUUID(), clock.instant());
        payments.get(refunded.id()).requestRefund(UUID.randomUUID(), clock.instant());
        provider.answerRefundsWith(call -> new ProviderAnswer.Refunded(
                call.reference(),
                call.paymentId().equals(misanswered.id())
                        ? new Money(call.amount().amount() + 1, call.amount().currency())
                        : call.amount()));

        assertThat(calls.callDue().block()).isEqualTo(2);

        assertThat(payments.get(refunded.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payments.get(misanswered.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payments.get(misanswered.id()).isProviderCallDue(clock.instant()))
                .isFalse();
        assertThat(payments.get(misanswered.id()).nextProviderCall()).containsInstanceOf(ProviderCall.Refund.class);
        assertThat(announced)
                .filteredOn(PaymentRefunded.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(PaymentRefunded.class, refund -> assertThat(refund.orderId())
                        .isEqualTo(refunded.orderId()));
    }

    private Payment requested() {
        var payment = Payment.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "order-" + UUID.randomUUID(),
                "customer-1",
                PRICE,
                "pm_card_visa",
                "fake",
                null,
                clock.instant());
        payments.insertNew(List.of(new TracedPayment(payment, null))).block();
        return payment;
    }

    /** Leases the payment's charge and hands it over, as the transaction that opens a payment does. */
    private Payment handedOver(Payment payment) {
        var call = handedOver.lease(payment, clock.instant()).orElseThrow();
        handedOver.afterCommit(List.of(call)).block();
        return payment;
    }

    /** A provider that fails the first calls, then answers as scripted (by default: captured). */
    static final class ScriptedProvider implements PaymentProvider {

        private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
        private int failuresLeft;

        @Override
        public boolean takes(String paymentMethod) {
            return true;
        }

        private Function<String, ProviderAnswer> chargeAnswer = ProviderAnswer.Succeeded::new;
        private Function<String, ProviderAnswer> cancelAnswer = ProviderAnswer.Canceled::new;
        private Function<ProviderCall.Refund, ProviderAnswer> refundAnswer =
                call -> new ProviderAnswer.Refunded(call.reference(), call.amount(), call.refundId());

        void fails(int times) {
            failuresLeft = times;
        }

        void answerChargesWith(Function<String, ProviderAnswer> answer) {
            chargeAnswer = answer;
        }

        void answerCancelsWith(Function<String, ProviderAnswer> answer) {
            cancelAnswer = answer;
        }

        void answerRefundsWith(Function<ProviderCall.Refund, ProviderAnswer> answer) {
            refundAnswer = answer;
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
            return answer(call, () -> refundAnswer.apply(call));
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
        private final List<Integer> updateSizes = new CopyOnWriteArrayList<>();
        private final AtomicInteger dueLookups = new AtomicInteger();

        Payment get(UUID id) {
            return byId.get(id);
        }

        /** How many payments each update saved, in order. */
        List<Integer> updateSizes() {
            return List.copyOf(updateSizes);
        }

        /** How often due calls were looked for. */
        int dueLookups() {
            return dueLookups.get();
        }

        @Override
        public Mono<Void> lockOrders(Collection<String> orderIds) {
            return Mono.empty();
        }

        @Override
        public Mono<Set<String>> insertNew(List<TracedPayment> payments) {
            Set<String> stored = new HashSet<>();
            for (TracedPayment payment : payments) {
                if (byId.putIfAbsent(payment.payment().id(), payment.payment()) == null) {
                    stored.add(payment.payment().orderId());
                }
            }
            return Mono.just(stored);
        }

        @Override
        public Mono<Void> update(List<TracedPayment> payments) {
            updateSizes.add(payments.size());
            payments.forEach(payment -> byId.put(payment.payment().id(), payment.payment()));
            return Mono.empty();
        }

        @Override
        public Mono<List<TracedPayment>> lockByOrders(Collection<String> orderIds) {
            return Mono.just(byId.values().stream()
                    .filter(p -> orderIds.contains(p.orderId()))
                    .map(p -> new TracedPayment(p, null))
                    .toList());
        }

        @Override
        public Mono<List<TracedPayment>> lockByIds(Collection<UUID> ids) {
            return Mono.just(ids.stream()
                    .map(byId::get)
                    .filter(Objects::nonNull)
                    .map(p -> new TracedPayment(p, null))
                    .toList());
        }

        @Override
        public Mono<TracedPayment> lockById(UUID id) {
            return Mono.justOrEmpty(byId.get(id)).map(p -> new TracedPayment(p, null));
        }

        @Override
        public Mono<TracedPayment> lockByReference(String provider, String reference) {
            return Mono.justOrEmpty(byId.values().stream()
                            .filter(p -> reference.equals(p.providerReference()))
                            .findFirst())
                    .map(p -> new TracedPayment(p, null));
        }

        @Override
        public Mono<List<TracedPayment>> lockDue(Instant now, int limit) {
            dueLookups.incrementAndGet();
            return Mono.just(new ArrayList<>(byId.values())
                    .stream()
                            .filter(p -> p.isProviderCallDue(now))
                            .sorted(Comparator.comparing(Payment::nextProviderCallAt))
                            .limit(limit)
                            .map(p -> new TracedPayment(p, null))
                            .toList());
        }

        @Override
        public Mono<Void> recordCancelledOrders(List<CancelledOrder> orders) {
            return Mono.empty();
        }

        @Override
        public Mono<Payment> findById(UUID id) {
            return Mono.justOrEmpty(byId.get(id));
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
