package bookstore.order.ordering.web;

import bookstore.order.ordering.application.Caller;
import bookstore.order.ordering.application.CancellingOrder;
import bookstore.order.ordering.application.FindingOrders;
import bookstore.order.ordering.application.FulfillingOrders;
import bookstore.order.ordering.application.InvalidOrderQueryException;
import bookstore.order.ordering.application.OrderQuery;
import bookstore.order.ordering.application.PayingOrders;
import bookstore.order.ordering.application.PlacingOrder;
import bookstore.order.ordering.application.ReceivingOrders;
import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.ordering.domain.Shipment;
import bookstore.order.shipping.application.ShippingOrders;
import bookstore.order.shipping.application.TrackingQueries;
import bookstore.platform.paging.PageWindow;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Checkout, order queries, cancelling, tracking and receipt, and the warehouse's ship and deliver.
 * Someone else's order answers exactly as a missing one does.
 */
@RestController
@RequestMapping("/api/orders")
@Tag(
        name = "orders",
        description =
                "Checkout, orders and their saga, cancelling, paying, tracking and receipt; the order desk (admins)")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PlacingOrder placing;
    private final FindingOrders finding;
    private final CancellingOrder cancelling;
    private final PayingOrders paying;
    private final FulfillingOrders fulfilling;
    private final ShippingOrders shipping;
    private final TrackingQueries tracking;
    private final ReceivingOrders receiving;
    private final OrderResources resources;

    OrderController(
            PlacingOrder placing,
            FindingOrders finding,
            CancellingOrder cancelling,
            PayingOrders paying,
            FulfillingOrders fulfilling,
            ShippingOrders shipping,
            TrackingQueries tracking,
            ReceivingOrders receiving,
            OrderResources resources) {
        this.placing = placing;
        this.finding = finding;
        this.cancelling = cancelling;
        this.paying = paying;
        this.fulfilling = fulfilling;
        this.shipping = shipping;
        this.tracking = tracking;
        this.receiving = receiving;
        this.resources = resources;
    }

    /** 202 with the PENDING order; 200 with the same order when the Idempotency-Key was seen before. */
    @PostMapping
    Mono<ResponseEntity<OrderResource>> place(
            Authentication caller,
            @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody @Valid PlaceOrderRequest request) {
        return placing.place(request.toCommand(callerOf(caller).userId(), checked(idempotencyKey)))
                .map(placement -> ResponseEntity.status(placement.placed() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .location(URI.create("/api/orders/" + placement.order().id()))
                        .body(resources.of(placement.order())));
    }

    @GetMapping("/{id}")
    Mono<OrderResource> order(Authentication caller, @PathVariable String id) {
        return finding.find(callerOf(caller), id).map(resources::of);
    }

    /**
     * The caller's orders, newest first; admins see everybody's, or one customer's with {@code customerId}. {@code
     * from} (inclusive) and {@code to} (exclusive) are ISO-8601 instants bounding when the orders were placed; {@code
     * afterSale=open} keeps the orders with a return under way or a refund awaiting payment (the returns queue).
     */
    @GetMapping
    Mono<PageResource<OrderResource>> orders(
            Authentication caller,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @Size(max = OrderQuery.MAX_CUSTOMER_ID) String customerId,
            @RequestParam(required = false) AfterSale afterSale,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(OrderQuery.MAX_SIZE) int size) {
        PageWindow.check(page, size);
        return Mono.fromCallable(() -> new OrderQuery(
                        customerId,
                        status,
                        afterSale == AfterSale.open,
                        instant("from", from),
                        instant("to", to),
                        page,
                        size))
                .flatMap(query -> finding.list(callerOf(caller), query))
                .map(found -> new PageResource<>(
                        found.items().stream().map(resources::of).toList(), found.page(), found.size(), found.total()));
    }

    @PostMapping("/{id}/cancel")
    Mono<OrderResource> cancel(Authentication caller, @PathVariable String id) {
        return cancelling.cancel(callerOf(caller), id).map(resources::of);
    }

    /**
     * 202: the customer asks for a fresh way to pay an order awaiting payment (a new QR code); it
     * replaces {@code paymentAction} once the provider has answered.
     */
    @PostMapping("/{id}/payment-action/renew")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<OrderResource> renewPaymentAction(Authentication caller, @PathVariable String id) {
        return paying.renewPaymentAction(callerOf(caller), id).map(resources::of);
    }

    /**
     * Ships a confirmed order: {@code carrier} is the carrier company's code (Kuaidi100's, e.g. {@code
     * shunfeng}, when Kuaidi100 tracks the shop's parcels). The carrier is asked to track it once the
     * order is saved SHIPPED.
     */
    @PostMapping("/{id}/ship")
    Mono<OrderResource> ship(@PathVariable String id, @RequestBody @Valid ShipRequest request) {
        return shipping.ship(id, new Shipment(request.carrier(), request.trackingNumber()))
                .map(resources::of);
    }

    /** The carrier's timeline of the order's parcel, newest first; empty until the carrier reports. */
    @GetMapping("/{id}/tracking")
    Mono<TrackingResource> tracking(Authentication caller, @PathVariable String id) {
        return tracking.tracking(callerOf(caller), id).map(TrackingResource::of);
    }

    /** The customer confirms receipt (确认收货) of a DELIVERED order. */
    @PostMapping("/{id}/receive")
    Mono<OrderResource> receive(Authentication caller, @PathVariable String id) {
        return receiving.receive(callerOf(caller), id).map(resources::of);
    }

    @PostMapping("/{id}/deliver")
    Mono<OrderResource> deliver(@PathVariable String id) {
        return fulfilling.deliver(id).map(resources::of);
    }

    /**
     * Checked here rather than with constraints on the parameter, which would validate the whole
     * method at once and report the body's invalid fields under the parameter's name.
     */
    private static String checked(String idempotencyKey) {
        if (!idempotencyKey.matches("[\\x21-\\x7E]{1,255}")) {
            throw new ServerWebInputException(
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID.");
        }
        return idempotencyKey;
    }

    /** An instant as ISO-8601 writes it, with Z or an offset; absent or empty for none. */
    private static Instant instant(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidOrderQueryException(
                    parameter, parameter + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    static Caller callerOf(Authentication authentication) {
        String userId = authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : authentication.getName();
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        return new Caller(userId, admin);
    }

    /** The one after-sale filter of the order listing. */
    enum AfterSale {
        open
    }

    record ShipRequest(
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 100) String trackingNumber) {}
}
