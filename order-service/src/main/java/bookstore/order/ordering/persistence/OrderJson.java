package bookstore.order.ordering.persistence;

import bookstore.order.ordering.domain.OrderLine;
import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.ordering.domain.ShippingAddress;
import bookstore.order.ordering.domain.StatusChange;
import bookstore.order.pricing.domain.Money;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of an order. Their shape is this class's own, not the domain's, so renaming a
 * domain field does not make stored orders unreadable.
 */
final class OrderJson {

    private static final TypeReference<List<LineJson>> LINES = new TypeReference<>() {};
    private static final TypeReference<List<ChangeJson>> HISTORY = new TypeReference<>() {};

    private final JsonMapper json = JsonMapper.builder().build();

    String lines(List<OrderLine> lines) {
        return json.writeValueAsString(lines.stream()
                .map(line -> new LineJson(
                        line.bookId(),
                        line.title(),
                        line.quantity(),
                        line.unitPrice().amount(),
                        line.unitPrice().currency()))
                .toList());
    }

    List<OrderLine> lines(String text) {
        return json.readValue(text, LINES).stream()
                .map(line -> new OrderLine(
                        line.bookId(), line.title(), line.quantity(), new Money(line.unitPrice(), line.currency())))
                .toList();
    }

    String history(List<StatusChange> history) {
        return json.writeValueAsString(history.stream()
                .map(change -> new ChangeJson(change.status().name(), change.at(), change.reason()))
                .toList());
    }

    List<StatusChange> history(String text) {
        return json.readValue(text, HISTORY).stream()
                .map(change -> new StatusChange(OrderStatus.valueOf(change.status()), change.at(), change.reason()))
                .toList();
    }

    String address(ShippingAddress address) {
        return json.writeValueAsString(new AddressJson(
                address.recipient(),
                address.phone(),
                address.line1(),
                address.line2(),
                address.city(),
                address.region(),
                address.postalCode(),
                address.country()));
    }

    ShippingAddress address(String text) {
        AddressJson address = json.readValue(text, AddressJson.class);
        return new ShippingAddress(
                address.recipient(),
                address.phone(),
                address.line1(),
                address.line2(),
                address.city(),
                address.region(),
                address.postalCode(),
                address.country());
    }

    record LineJson(String bookId, String title, int quantity, long unitPrice, String currency) {}

    record ChangeJson(String status, Instant at, String reason) {}

    record AddressJson(
            String recipient,
            String phone,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country) {}
}
