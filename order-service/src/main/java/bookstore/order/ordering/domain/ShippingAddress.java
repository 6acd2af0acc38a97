package bookstore.order.ordering.domain;

import java.util.Objects;

/** Where the parcel goes. */
public record ShippingAddress(
        String recipient, String line1, String line2, String city, String region, String postalCode, String country) {

    public ShippingAddress {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
    }
}
