package bookstore.order.ordering.web;

import static bookstore.order.ordering.web.OrderController.callerOf;

import bookstore.order.ordering.application.FindingOrders;
import bookstore.order.ordering.application.ReturningOrders;
import bookstore.order.ordering.domain.Order;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Returns (退货) and partial refunds of an order. The customer asks, sends back and withdraws; admins
 * approve, reject, record a return received, and refund part of an order without a return. Each
 * answers with the order as it now is.
 */
@RestController
@RequestMapping("/api/orders/{id}")
@Tag(name = "returns", description = "Returns and refunds of delivered orders; the returns queue (admins)")
class ReturnController {

    /** Far more than a reason needs; the order checks the reason's own limit in characters. */
    private static final int MAX_TEXT = 4 * Order.MAX_REASON;

    private final ReturningOrders returning;
    private final FindingOrders finding;
    private final OrderResources resources;

    ReturnController(ReturningOrders returning, FindingOrders finding, OrderResources resources) {
        this.returning = returning;
        this.finding = finding;
        this.resources = resources;
    }

    /** The order's returns, oldest first; to its customer and admins, as the order is. */
    @GetMapping("/returns")
    Mono<List<OrderResource.Return>> returns(Authentication caller, @PathVariable String id) {
        return finding.find(callerOf(caller), id)
                .map(order ->
                        order.returns().stream().map(OrderResource.Return::of).toList());
    }

    /** One return, where the request that made it says it is. */
    @GetMapping("/returns/{returnId}")
    Mono<OrderResource.Return> returnOf(Authentication caller, @PathVariable String id, @PathVariable String returnId) {
        return finding.find(callerOf(caller), id).map(order -> OrderResource.Return.of(order.returnOf(returnId)));
    }

    /** 201 with the order, its new return last; the return's own address in Location. */
    @PostMapping("/returns")
    Mono<ResponseEntity<OrderResource>> request(
            Authentication caller, @PathVariable String id, @RequestBody @Valid ReturnRequest request) {
        return returning
                .request(
                        callerOf(caller),
                        id,
                        request.items().stream()
                                .map(item -> new Order.ReturnItem(item.bookId(), item.quantity()))
                                .toList(),
                        request.reason())
                .map(order -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/orders/" + order.id() + "/returns/"
                                + order.returns().getLast().id()))
                        .body(resources.of(order)));
    }

    @PostMapping("/returns/{returnId}/withdraw")
    Mono<OrderResource> withdraw(Authentication caller, @PathVariable String id, @PathVariable String returnId) {
        return returning.withdraw(callerOf(caller), id, returnId).map(resources::of);
    }

    /** The customer sent the copies; carrier and tracking number are optional (the body may be empty). */
    @PostMapping("/returns/{returnId}/send-back")
    Mono<OrderResource> sendBack(
            Authentication caller,
            @PathVariable String id,
            @PathVariable String returnId,
            @RequestBody(required = false) @Valid SendBackRequest request) {
        SendBackRequest parcel = request == null ? new SendBackRequest(null, null) : request;
        return returning
                .sendBack(
                        callerOf(caller),
                        id,
                        returnId,
                        blankToNull(parcel.carrier()),
                        blankToNull(parcel.trackingNumber()))
                .map(resources::of);
    }

    @PostMapping("/returns/{returnId}/approve")
    Mono<OrderResource> approve(@PathVariable String id, @PathVariable String returnId) {
        return returning.approve(id, returnId).map(resources::of);
    }

    @PostMapping("/returns/{returnId}/reject")
    Mono<OrderResource> reject(
            @PathVariable String id, @PathVariable String returnId, @RequestBody @Valid ReasonRequest request) {
        return returning.reject(id, returnId, request.reason()).map(resources::of);
    }

    /** The parcel arrived: for each book of the return, how many copies are resalable and how many damaged. */
    @PostMapping("/returns/{returnId}/receive")
    Mono<OrderResource> receive(
            @PathVariable String id, @PathVariable String returnId, @RequestBody @Valid ReceiveRequest request) {
        return returning
                .receive(
                        id,
                        returnId,
                        request.copies().stream()
                                .map(copies ->
                                        new Order.ReturnedCopies(copies.bookId(), copies.resalable(), copies.damaged()))
                                .toList())
                .map(resources::of);
    }

    /** 201: an admin refunds part of the order without a return; {@code amount} in minor units of its currency. */
    @PostMapping("/refunds")
    Mono<ResponseEntity<OrderResource>> refund(@PathVariable String id, @RequestBody @Valid RefundRequest request) {
        return returning
                .refund(id, request.amount(), request.reason())
                .map(order -> ResponseEntity.status(HttpStatus.CREATED).body(resources.of(order)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record ReturnRequest(
            @NotEmpty @Size(max = Order.MAX_LINES) List<@NotNull @Valid Item> items,
            @NotBlank @Size(max = MAX_TEXT) String reason) {

        @Schema(name = "ReturnLineRequest")
        record Item(
                @NotBlank @Size(max = 100) String bookId,
                @Min(1) @Max(Order.MAX_QUANTITY) int quantity) {}
    }

    record SendBackRequest(
            @Size(max = 100) String carrier,
            @Size(max = 100) String trackingNumber) {}

    record ReasonRequest(@NotBlank @Size(max = MAX_TEXT) String reason) {}

    record ReceiveRequest(
            @NotEmpty @Size(max = Order.MAX_LINES) List<@NotNull @Valid Copies> copies) {

        record Copies(
                @NotBlank @Size(max = 100) String bookId,
                @Min(0) @Max(Order.MAX_QUANTITY) int resalable,
                @Min(0) @Max(Order.MAX_QUANTITY) int damaged) {}
    }

    record RefundRequest(
            @Min(1) @Max(100_000_000_00L) long amount,
            @NotBlank @Size(max = MAX_TEXT) String reason) {}
}
