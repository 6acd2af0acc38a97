package bookstore.order.ordering.persistence;

import bookstore.order.ordering.domain.OrderLine;
import bookstore.order.ordering.domain.OrderReturn;
import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.ordering.domain.PaymentAction;
import bookstore.order.ordering.domain.Refund;
import bookstore.order.ordering.domain.RefundStatus;
import bookstore.order.ordering.domain.ReturnChange;
import bookstore.order.ordering.domain.ReturnLine;
import bookstore.order.ordering.domain.ReturnStatus;
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
    private static final TypeReference<List<ReturnJson>> RETURNS = new TypeReference<>() {};
    private static final TypeReference<List<RefundJson>> REFUNDS = new TypeReference<>() {};

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

    /** Null for none, so orders that never waited for their customer's payment store nothing. */
    String paymentAction(PaymentAction action) {
        return action == null
                ? null
                : json.writeValueAsString(
                        new ActionJson(action.provider(), action.kind(), action.value(), action.expiresAt()));
    }

    PaymentAction paymentAction(String text) {
        if (text == null) {
            return null;
        }
        ActionJson action = json.readValue(text, ActionJson.class);
        return new PaymentAction(action.provider(), action.kind(), action.value(), action.expiresAt());
    }

    /** Null for none: an erased customer's order keeps no address. */
    String address(ShippingAddress address) {
        if (address == null) {
            return null;
        }
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
        if (text == null) {
            return null;
        }
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

    String returns(List<OrderReturn> returns) {
        return json.writeValueAsString(returns.stream()
                .map(held -> new ReturnJson(
                        held.id(),
                        held.items().stream()
                                .map(item -> new ReturnLineJson(
                                        item.bookId(),
                                        item.title(),
                                        item.quantity(),
                                        item.unitPrice().amount(),
                                        item.unitPrice().currency(),
                                        item.resalable(),
                                        item.damaged()))
                                .toList(),
                        held.reason(),
                        held.status().name(),
                        held.carrier(),
                        held.trackingNumber(),
                        held.outcomeReason(),
                        held.requestedAt(),
                        held.deadline(),
                        held.restocked(),
                        held.history().stream()
                                .map(change -> new ChangeJson(change.status().name(), change.at(), change.reason()))
                                .toList()))
                .toList());
    }

    List<OrderReturn> returns(String text) {
        return json.readValue(text, RETURNS).stream()
                .map(held -> new OrderReturn(
                        held.id(),
                        held.items().stream()
                                .map(item -> new ReturnLine(
                                        item.bookId(),
                                        item.title(),
                                        item.quantity(),
                                        new Money(item.unitPrice(), item.currency()),
                                        item.resalable(),
                                        item.damaged()))
                                .toList(),
                        held.reason(),
                        ReturnStatus.valueOf(held.status()),
                        held.carrier(),
                        held.trackingNumber(),
                        held.outcomeReason(),
                        held.requestedAt(),
                        held.deadline(),
                        held.restocked(),
                        held.history().stream()
                                .map(change -> new ReturnChange(
                                        ReturnStatus.valueOf(change.status()), change.at(), change.reason()))
                                .toList()))
                .toList();
    }

    String refunds(List<Refund> refunds) {
        return json.writeValueAsString(refunds.stream()
                .map(refund -> new RefundJson(
                        refund.id(),
                        refund.returnId(),
                        refund.amount().amount(),
                        refund.amount().currency(),
                        refund.reason(),
                        refund.status().name(),
                        refund.refusal(),
                        refund.requestedAt(),
                        refund.settledAt()))
                .toList());
    }

    List<Refund> refunds(String text) {
        return json.readValue(text, REFUNDS).stream()
                .map(refund -> new Refund(
                        refund.id(),
                        refund.returnId(),
                        new Money(refund.amount(), refund.currency()),
                        refund.reason(),
                        RefundStatus.valueOf(refund.status()),
                        refund.refusal(),
                        refund.requestedAt(),
                        refund.settledAt()))
                .toList();
    }

    record ReturnJson(
            String id,
            List<ReturnLineJson> items,
            String reason,
            String status,
            String carrier,
            String trackingNumber,
            String outcomeReason,
            Instant requestedAt,
            Instant deadline,
            boolean restocked,
            List<ChangeJson> history) {}

    record ReturnLineJson(
            String bookId,
            String title,
            int quantity,
            long unitPrice,
            String currency,
            Integer resalable,
            Integer damaged) {}

    record RefundJson(
            String id,
            String returnId,
            long amount,
            String currency,
            String reason,
            String status,
            String refusal,
            Instant requestedAt,
            Instant settledAt) {}

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

    private record ActionJson(String provider, String kind, String value, Instant expiresAt) {}
}
