package bookstore.order.ordering.domain;

import java.util.Objects;

/** How a shipped order travels. */
public record Shipment(String carrier, String trackingNumber) {

    public Shipment {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
    }
}
