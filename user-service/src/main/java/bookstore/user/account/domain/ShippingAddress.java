package bookstore.user.account.domain;

import java.util.Objects;

/**
 * Where a customer wants books delivered.
 *
 * @param line2 optional second address line; {@code null} when there is none
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code CN}
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
        requireText(recipient, "recipient");
        requireText(phone, "phone");
        requireText(line1, "line1");
        requireText(city, "city");
        requireText(postalCode, "postalCode");
        requireText(country, "country");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code");
        }
        line2 = line2 == null || line2.isBlank() ? null : line2;
        region = region == null || region.isBlank() ? null : region;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
