package bookstore.events.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The order reached the customer: the carrier reported it delivered (签收), or an admin marked it
 * delivered.
 *
 * @param customer the pseudonymous customer reference, as {@link OrderPlaced} carries it (schema
 *     version 2), so a consumer such as the catalogue knows who bought what without reading the order;
 *     version 1 records carry neither it nor the lines
 * @param lines the delivered books (schema version 2)
 */
public record OrderDelivered(UUID eventId, Instant occurredAt, String orderId, String customer, List<OrderLine> lines)
        implements OrderEvent {

    @Override
    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 2;
    }
}
