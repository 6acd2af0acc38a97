package bookstore.order.ordering.web;

import bookstore.order.ordering.application.IdempotencyKey;
import bookstore.order.ordering.application.PlaceOrder;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.ShippingAddress;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkout as the client sends it: books and quantities, or {@code fromCart: true}; never prices.
 *
 * @param paymentMethod a card's payment method at the provider, e.g. {@code pm_card_visa}, or a wallet the
 *     customer pays with: {@code alipay_qr} (支付宝 QR code), {@code alipay_page} (Alipay's cashier page),
 *     {@code wechat_native} (微信支付 QR code)
 */
record PlaceOrderRequest(
        @Size(max = Order.MAX_LINES) List<@Valid @NotNull Item> items,
        Boolean fromCart,
        @NotNull @Valid Address shippingAddress,

        @NotBlank
        @Size(max = 100)
        @Pattern(
                regexp = "pm_[A-Za-z0-9_]+|alipay_qr|alipay_page|wechat_native",
                message = "a card's payment method (pm_…), alipay_qr, alipay_page or wechat_native")
        String paymentMethod) {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    @JsonIgnore
    @AssertTrue(message = "give either items or fromCart: true, not both")
    boolean isItemsOrCart() {
        boolean hasItems = items != null && !items.isEmpty();
        return hasItems != Boolean.TRUE.equals(fromCart);
    }

    PlaceOrder toCommand(String customerId, String idempotencyKey) {
        return new PlaceOrder(
                customerId,
                new IdempotencyKey(idempotencyKey, fingerprint()),
                items == null
                        ? List.of()
                        : items.stream()
                                .map(item -> new PlaceOrder.Item(item.bookId(), item.quantity()))
                                .toList(),
                Boolean.TRUE.equals(fromCart),
                shippingAddress.toDomain(),
                paymentMethod);
    }

    /** A digest of what was asked, to tell a retry (same request) from a reused key (another one). */
    private String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(this));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // Named apart: springdoc names a schema by the simple class name, and order-service has four records called Item.
    @Schema(name = "OrderLineRequest")
    record Item(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}")
            String bookId,

            @NotNull @Min(1) @Max(Order.MAX_QUANTITY) Integer quantity) {}

    record Address(
            @NotBlank @Size(max = 100) String recipient,

            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number")
            String phone,

            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}") String country) {

        ShippingAddress toDomain() {
            return new ShippingAddress(recipient, phone, line1, line2, city, region, postalCode, country);
        }
    }
}
