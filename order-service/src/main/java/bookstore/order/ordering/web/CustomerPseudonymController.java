package bookstore.order.ordering.web;

import bookstore.order.ordering.application.CustomerPseudonyms;
import bookstore.order.ordering.application.OrderQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For staff: the pseudonym a customer's orders and sales carry on the analytics topics, so the admin console can show
 * a customer's segment from analytics, which never learns account ids (ADR 18). Only order-service and the
 * catalogue hold the key that links the two.
 */
@RestController
@Tag(name = "customer-pseudonyms", description = "A customer's pseudonym, as analytics knows them (admins)")
class CustomerPseudonymController {

    private final CustomerPseudonyms pseudonyms;

    CustomerPseudonymController(CustomerPseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Operation(summary = "The pseudonym a customer's events carry (admins)")
    @GetMapping("/api/orders/customers/{customerId}/pseudonym")
    CustomerPseudonymResource pseudonym(
            @PathVariable @NotBlank @Size(max = OrderQuery.MAX_CUSTOMER_ID) String customerId) {
        return new CustomerPseudonymResource(customerId, pseudonyms.of(customerId));
    }

    /** A customer's account id and the pseudonym their events carry. */
    record CustomerPseudonymResource(String customerId, String pseudonym) {}
}
