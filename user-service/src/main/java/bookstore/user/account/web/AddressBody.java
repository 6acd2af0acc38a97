package bookstore.user.account.web;

import bookstore.user.account.domain.ShippingAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record AddressBody(
        @NotBlank @Size(max = 100) String recipient,
        @NotBlank @Size(max = 30) String phone,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Size(max = 20) String postalCode,

        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String country) {

    ShippingAddress toAddress() {
        return new ShippingAddress(recipient, phone, line1, line2, city, region, postalCode, country);
    }
}
