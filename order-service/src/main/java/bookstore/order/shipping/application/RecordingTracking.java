package bookstore.order.shipping.application;

import bookstore.order.ordering.application.FulfillingOrders;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.order.shipping.domain.TrackingReport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes a carrier's callback: believed only once its signature checks out, then each timeline entry
 * is stored once (carriers repeat the whole timeline) and the order moves forward if the report
 * takes it further. A late, repeated or out-of-order callback stores nothing new and moves nothing
 * back, so it is simply acknowledged.
 */
@Service
public class RecordingTracking {

    private static final Logger log = LoggerFactory.getLogger(RecordingTracking.class);

    private final Carrier carrier;
    private final Shipments shipments;
    private final FulfillingOrders fulfilling;
    private final TransactionalOperator transactions;
    private final Clock clock;

    RecordingTracking(
            Carrier carrier,
            Shipments shipments,
            FulfillingOrders fulfilling,
            TransactionalOperator transactions,
            Clock clock) {
        this.carrier = carrier;
        this.shipments = shipments;
        this.fulfilling = fulfilling;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records a callback posted by the named carrier; emits the answer the carrier expects.
     *
     * @throws UnknownCarrierException if this shop does not use that carrier
     * @throws CallbackRefusedException if the callback is forged or unreadable
     */
    public Mono<Map<String, Object>> record(String carrierName, Map<String, String> form) {
        return Mono.defer(() -> {
            if (!carrier.name().equals(carrierName)) {
                return Mono.error(new UnknownCarrierException(carrierName));
            }
            TrackingReport report = carrier.read(form);
            return shipments
                    .ordersTracking(carrierName, report.trackingNumber())
                    .switchIfEmpty(Mono.fromRunnable(() -> log.info(
                            "{} reported on {}, which no order ships with; acknowledged and ignored",
                            carrierName,
                            report.trackingNumber())))
                    .concatMap(orderId -> apply(orderId, report))
                    .then(Mono.fromSupplier(carrier::acknowledgement));
        });
    }

    /**
     * Records the report and moves the order on. An order whose customer closed their account keeps no
     * timeline once it is erased, which for a parcel under way is when it is delivered: what this
     * report stored goes again in the same transaction.
     */
    private Mono<Void> apply(String orderId, TrackingReport report) {
        Mono<Void> moveOn = report.delivered() || report.onItsWay()
                ? fulfilling
                        .carrierReported(OrderId.parseOrNull(orderId), report.delivered())
                        .filter(Order::customerErased)
                        .flatMap(erased -> shipments.forget(List.of(orderId)))
                : Mono.empty();
        return transactions.transactional(
                shipments.record(orderId, report.events(), clock.instant()).then(moveOn));
    }
}
