package bookstore.order.ordering.domain;

import java.util.Objects;

/**
 * Where the parcel goes, and a number the carrier can call.
 *
 * @param phone the recipient's phone number; optional (orders placed before it was asked for have none)
 */
public record ShippingAddress(
        String recipient,
        String phone,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        String country) {

    public ShippingAddress {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
    }
}
