package bookstore.order.shipping.application;

import bookstore.order.shipping.application.Shipments.DueSubscription;
import bookstore.platform.work.HandedOver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers shipped orders with the carrier, outside the transaction that shipped them: those handed
 * over in memory after that transaction committed, and those due in the database (a failed call's
 * retry, one a restart left behind), which a round leases before it calls. A call the carrier does not
 * accept is tried again after a back-off that doubles, kept in the database; one that succeeds is not
 * made again. Only the worker's thread runs rounds.
 */
@Component
class SubscribingShipments {

    private static final Logger log = LoggerFactory.getLogger(SubscribingShipments.class);
    private static final int CONCURRENCY = 8;

    private final Shipments shipments;
    private final Carrier carrier;
    private final HandedOver<DueSubscription> handedOver;
    private final TransactionalOperator transactions;
    private final ShippingProperties settings;
    private final Clock clock;

    private volatile boolean lastPollFull;

    SubscribingShipments(
            Shipments shipments,
            Carrier carrier,
            HandedOver<DueSubscription> handedOver,
            TransactionalOperator transactions,
            ShippingProperties settings,
            Clock clock) {
        this.shipments = shipments;
        this.carrier = carrier;
        this.handedOver = handedOver;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: the subscriptions handed over, then those due in the database; tells how many it called. */
    Mono<Integer> subscribeDue() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            List<DueSubscription> handed = handedOver.take(settings.batchSize());
            int room = settings.batchSize() - handed.size();
            Mono<List<DueSubscription>> polled = room > 0 ? takeDue(now, room) : Mono.just(List.of());
            return polled.flatMap(due -> {
                List<DueSubscription> calls = new ArrayList<>(handed);
                calls.addAll(due);
                return Flux.fromIterable(calls).flatMap(this::call, CONCURRENCY).then(Mono.just(calls.size()));
            });
        });
    }

    boolean hasMoreWaiting() {
        return handedOver.hasWaiting() || lastPollFull;
    }

    /** Locks the due subscriptions and leases them for a call's time, in one transaction. */
    private Mono<List<DueSubscription>> takeDue(Instant now, int limit) {
        return transactions.transactional(shipments.lockDue(now, limit).flatMap(due -> {
            lastPollFull = due.size() >= limit;
            return shipments
                    .lease(
                            due.stream().map(d -> d.shipment().orderId()).toList(),
                            now.plus(settings.callTimeout().multipliedBy(2)))
                    .thenReturn(due);
        }));
    }

    private Mono<Void> call(DueSubscription due) {
        String orderId = due.shipment().orderId();
        int attempt = due.attempts() + 1;
        return Mono.defer(() -> carrier.subscribe(due.shipment()))
                .timeout(settings.callTimeout())
                .then(Mono.defer(() -> shipments.subscribed(orderId, clock.instant())))
                .doOnSuccess(done -> log.info(
                        "{} tracks order {} ({} {})",
                        carrier.name(),
                        orderId,
                        due.shipment().company(),
                        due.shipment().trackingNumber()))
                .onErrorResume(failure -> {
                    var retryIn = settings.backOffAfter(attempt);
                    log.warn(
                            "{} did not take the shipment of order {} (attempt {}); trying again in {}: {}",
                            carrier.name(),
                            orderId,
                            attempt,
                            retryIn,
                            failure.toString());
                    return shipments
                            .failed(orderId, attempt, clock.instant().plus(retryIn), abbreviated(failure))
                            .onErrorResume(stored -> {
                                // The lease runs out and a later poll calls again.
                                log.warn("Could not record the failed subscription of order {}", orderId, stored);
                                return Mono.empty();
                            });
                });
    }

    private static String abbreviated(Throwable failure) {
        String text = failure.toString();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
