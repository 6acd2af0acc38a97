package bookstore.order.shipping.application;

import bookstore.order.shipping.application.Shipments.DueSubscription;
import bookstore.platform.work.HandedOver;
import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SubscribingShipments} in the background: as soon as shipments are handed over, and
 * otherwise every poll interval, which picks up retries and what a restart left behind.
 */
@Component
class SubscriptionWorker extends PollingWorker {

    private final SubscribingShipments subscribing;

    SubscriptionWorker(
            SubscribingShipments subscribing, HandedOver<DueSubscription> handedOver, ShippingProperties settings) {
        super(
                "carrier-subscriptions",
                Schedule.every(settings.pollInterval()).backingOffUpTo(settings.maxBackOff()),
                handedOver.wakeUps());
        this.subscribing = subscribing;
    }

    @Override
    protected boolean runOnce() {
        subscribing.subscribeDue().block();
        return subscribing.hasMoreWaiting();
    }
}
