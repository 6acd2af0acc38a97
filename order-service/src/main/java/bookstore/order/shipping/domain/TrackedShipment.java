package bookstore.order.shipping.domain;

import java.util.Objects;

/**
 * A parcel registered with a carrier for tracking.
 *
 * @param company the carrier company's code (Kuaidi100's, e.g. {@code shunfeng}), as the admin shipped it
 * @param destination where it goes (the order's city), which helps carriers judge delivery; may be null
 */
public record TrackedShipment(String orderId, String company, String trackingNumber, String destination) {

    public TrackedShipment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
    }
}
