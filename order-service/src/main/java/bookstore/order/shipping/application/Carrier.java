package bookstore.order.shipping.application;

import bookstore.order.shipping.domain.TrackedShipment;
import bookstore.order.shipping.domain.TrackingReport;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A carrier (or a tracking service standing for many, such as Kuaidi100) that follows parcels and
 * pushes their updates to the shop's callback endpoint, {@code POST /api/shipping/callbacks/{name}}.
 */
public interface Carrier {

    /** The name in the callback path. */
    String name();

    /**
     * Registers the parcel for tracking and subscribes to its updates. Completes once the carrier
     * accepted it (a repeated subscription included); fails if it did not, and is called again later.
     */
    Mono<Void> subscribe(TrackedShipment shipment);

    /**
     * Reads a callback the carrier posted as a form, after checking that the carrier signed it.
     *
     * @throws CallbackRefusedException if the signature is missing or wrong, or the content unreadable
     */
    TrackingReport read(Map<String, String> form);

    /** The body the carrier expects in answer to a callback it may consider delivered. */
    Map<String, Object> acknowledgement();
}
