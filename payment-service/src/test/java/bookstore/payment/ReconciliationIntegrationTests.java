package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.RefundRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.reconciliation.application.ReconciliationRun;
import bookstore.payment.reconciliation.application.Reconciling;
import bookstore.payment.reconciliation.domain.Mismatch;
import bookstore.payment.reconciliation.domain.MismatchKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The daily reconciliation against the real sandbox provider and its own books. Each test moves
 * its payments to a day of its own in the past, so a run of that day sees them alone; the sandbox
 * is made to disagree by changing a row of its ledger, as a provider whose records differ would.
 */
@PaymentServiceIntegrationTest
class ReconciliationIntegrationTests extends PlayingTheSaga {

    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @Autowired
    Reconciling reconciling;

    @Autowired
    TakingSagaCommands commands;

    @Autowired
    Payments payments;

    @Autowired
    MeterRegistry meters;

    LocalDate day;

    @BeforeEach
    void aDayOfItsOwn() {
        day = LocalDate.of(2000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7_000));
    }

    @Test
    void aCleanDayReportsNoMismatch() {
        String paid = charged("pm_card_visa", "SUCCEEDED");
        String declined = charged("pm_card_chargeDeclined", "FAILED");
        String refunded = charged("pm_card_visa", "SUCCEEDED");
        commands.take(List.of(SagaCommand.of(new RefundRequest(UUID.randomUUID(), refunded, "customer cancelled"))))
                .block();
        awaitStatus(refunded, "REFUNDED");
        // Cancelled before it was charged: it never reached the provider, so there is nothing to ask.
        String neverCharged = "order-" + UUID.randomUUID();
        commands.take(List.of(
                        SagaCommand.of(chargeOf(neverCharged, "pm_card_visa")),
                        SagaCommand.of(new RefundRequest(UUID.randomUUID(), neverCharged, "customer cancelled"))))
                .block();
        awaitStatus(neverCharged, "CANCELLED");
        moveToTheDay(paid, declined, refunded, neverCharged);
        double cleanRuns = count(runs("clean"));

        ReconciliationRun run = reconciling.now(day, null).block();

        assertThat(run.checked()).isEqualTo(3);
        assertThat(run.couldNotCheck()).isZero();
        assertThat(run.mismatches()).isEmpty();
        assertThat(run.finishedAt()).isNotNull();
        assertThat(count(runs("clean"))).isEqualTo(cleanRuns + 1);
        assertThat(reconciling.ofDays(day, day).block()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(run.id());
            assertThat(stored.checked()).isEqualTo(3);
            assertThat(stored.mismatches()).isEmpty();
        });
    }

    @Test
    void aCancelledPaymentTheProviderCapturedIsRecordedAndRefunded() {
        Payment cancelled = cancelledAtTheSandbox();
        // The customer paid just as the trade was closed, and the provider's word of it was lost.
        database.sql("UPDATE sandbox_payment_intent SET status = 'succeeded' WHERE id = :id")
                .bind("id", cancelled.providerReference())
                .then()
                .block();
        moveToTheDay(cancelled.orderId());
        double found = count(mismatches("captured_not_recorded"));

        ReconciliationRun run = reconciling.now(day, null).block();

        assertThat(run.checked()).isEqualTo(1);
        assertThat(run.mismatches()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.paymentId()).isEqualTo(cancelled.id());
            assertThat(mismatch.orderId()).isEqualTo(cancelled.orderId());
            assertThat(mismatch.provider()).isEqualTo("sandbox");
            assertThat(mismatch.ours()).isEqualTo("cancelled");
            assertThat(mismatch.theirs()).isEqualTo("succeeded");
            assertThat(mismatch.kind()).isEqualTo(MismatchKind.CAPTURED_NOT_RECORDED);
            assertThat(mismatch.foundAt()).isNotNull();
        });
        assertThat(count(mismatches("captured_not_recorded"))).isEqualTo(found + 1);

        // Recorded as the provider's late capture: given back at once, and the saga hears of both.
        awaitStatus(cancelled.orderId(), "REFUNDED");
        assertThat(refundedByProvider(cancelled.orderId())).isEqualTo(2_000);
        assertThat(keptByProvider(List.of(cancelled.orderId()))).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(saga.eventsFor(cancelled.orderId(), PaymentSucceeded.class))
                    .hasSize(1);
            assertThat(saga.eventsFor(cancelled.orderId(), PaymentRefunded.class))
                    .extracting(refund -> refund.amount().amount())
                    .containsExactly(0L, 2_000L);
        });

        // Found again by a later run? No: the payment now agrees with the provider.
        assertThat(reconciling.now(day, "sandbox").block().mismatches()).isEmpty();
    }

    @Test
    void aSucceededPaymentTheProviderDoesNotHaveAsCapturedIsAMismatch() {
        String paid = charged("pm_card_visa", "SUCCEEDED");
        database.sql("UPDATE sandbox_payment_intent SET status = 'canceled' WHERE order_id = :order")
                .bind("order", paid)
                .then()
                .block();
        moveToTheDay(paid);

        ReconciliationRun run = reconciling.now(day, null).block();

        assertThat(run.mismatches()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.orderId()).isEqualTo(paid);
            assertThat(mismatch.ours()).isEqualTo("succeeded");
            assertThat(mismatch.theirs()).isEqualTo("canceled");
            assertThat(mismatch.kind()).isEqualTo(MismatchKind.RECORDED_NOT_CAPTURED);
        });
        // Reported, not acted on: an order confirmed without the money is for a person to look into.
        assertThat(status(paid)).isEqualTo("SUCCEEDED");
        assertThat(reconciling.ofDays(day, day).block())
                .singleElement()
                .extracting(ReconciliationRun::mismatches)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Mismatch.class))
                .extracting(Mismatch::kind)
                .containsExactly(MismatchKind.RECORDED_NOT_CAPTURED);
    }

    @Test
    void aProviderThatFailsToAnswerIsCouldNotCheckNotAMismatch() {
        String answered = charged("pm_card_visa", "SUCCEEDED");
        String unanswered = charged("pm_card_visa", "SUCCEEDED");
        // The provider cannot find its charge any more: its status check fails.
        database.sql("UPDATE sandbox_payment_intent SET id = id || '_gone' WHERE order_id = :order")
                .bind("order", unanswered)
                .then()
                .block();
        moveToTheDay(answered, unanswered);
        double incomplete = count(runs("incomplete"));

        ReconciliationRun run = reconciling.now(day, null).block();

        assertThat(run.checked()).isEqualTo(1);
        assertThat(run.couldNotCheck()).isEqualTo(1);
        assertThat(run.mismatches()).isEmpty();
        assertThat(count(runs("incomplete"))).isEqualTo(incomplete + 1);
    }

    @Test
    void aDayIsRunOnceByTheScheduleHoweverManyStartItAndAgainWhenAnAdminAsks() {
        String paid = charged("pm_card_visa", "SUCCEEDED");
        moveToTheDay(paid);

        List<Optional<ReconciliationRun>> started = Mono.zip(
                        scheduledOn(day), scheduledOn(day), (first, second) -> List.of(first, second))
                .block();

        assertThat(started.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(reconciling.scheduled(day).blockOptional()).isEmpty();
        assertThat(reconciling.now(day, null).block().checked()).isEqualTo(1);
        assertThat(reconciling.ofDays(day, day).block())
                .extracting(run -> run.trigger().code())
                .containsExactly("admin", "scheduled");
    }

    private Mono<Optional<ReconciliationRun>> scheduledOn(LocalDate day) {
        return reconciling
                .scheduled(day)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .subscribeOn(Schedulers.parallel());
    }

    /** An order charged through the saga, once its payment has the status. */
    private String charged(String paymentMethod, String status) {
        String orderId = "order-" + UUID.randomUUID();
        commands.take(List.of(SagaCommand.of(chargeOf(orderId, paymentMethod)))).block();
        awaitStatus(orderId, status);
        return orderId;
    }

    private static ChargeRequest chargeOf(String orderId, String paymentMethod) {
        return new ChargeRequest(
                UUID.randomUUID(),
                orderId,
                "customer-" + UUID.randomUUID(),
                new Money(2_000, "CNY"),
                paymentMethod,
                null);
    }

    /** A charge the sandbox accepted, cancelled by the saga before it was confirmed; told as nothing refunded. */
    private Payment cancelledAtTheSandbox() {
        var payment = SandboxPendingCharges.pendingCharge(database, payments);
        commands.take(List.of(
                        SagaCommand.of(new RefundRequest(UUID.randomUUID(), payment.orderId(), "payment timed out"))))
                .block();
        awaitStatus(payment.orderId(), "CANCELLED");
        assertThat(text("SELECT status FROM sandbox_payment_intent WHERE order_id = :order", payment.orderId()))
                .isEqualTo("canceled");
        return payment;
    }

    /** Makes the orders' payments look created at noon of the test's day on the shop's calendar. */
    private void moveToTheDay(String... orderIds) {
        database.sql("UPDATE payment SET created_at = :at WHERE order_id = ANY(:orders)")
                .bind("at", day.atTime(LocalTime.NOON).atZone(SHOP).toInstant())
                .bind("orders", orderIds)
                .then()
                .block();
    }

    private void awaitStatus(String orderId, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(status(orderId)));
    }

    private Counter runs(String outcome) {
        return meters.find("bookstore.payments.reconciliation.runs")
                .tag("outcome", outcome)
                .counter();
    }

    private Counter mismatches(String kind) {
        return meters.find("bookstore.payments.reconciliation.mismatches")
                .tags("provider", "sandbox", "kind", kind)
                .counter();
    }

    private static double count(Counter counter) {
        return counter == null ? 0 : counter.count();
    }
}
