package bookstore.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service publishes for others. Every event names itself ({@link #eventId()}), says when
 * it happened and which aggregate it belongs to; the aggregate id is the Kafka record key, so all
 * events of one aggregate stay in order on one partition.
 *
 * <p>Contracts evolve compatibly: fields are only ever added, and a consumer ignores fields it does
 * not know. A change that cannot be made that way gets a new record and a new topic version.
 */
public interface IntegrationEvent {

    UUID eventId();

    Instant occurredAt();

    /** The record key: the id of the aggregate this event is about. */
    @JsonIgnore
    String aggregateId();

    /** Version of this record's shape; raised when fields are added. */
    @JsonProperty("schemaVersion")
    default int schemaVersion() {
        return 1;
    }
}
