package bookstore.payment.payments.persistence;

import bookstore.payment.payments.application.ProviderEvent;
import bookstore.payment.payments.application.ProviderEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Webhook event ids taken, recorded with the payment change each caused. */
@Repository
class R2dbcProviderEvents implements ProviderEvents {

    private final DatabaseClient database;

    R2dbcProviderEvents(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> firstDelivery(ProviderEvent event) {
        var insert = database.sql("""
                        INSERT INTO provider_event (provider, event_id, event_type, reference)
                        VALUES (:provider, :eventId, :type, :reference)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("provider", event.provider())
                .bind("eventId", event.eventId())
                .bind("type", event.type());
        String reference = event.answer() == null ? null : event.answer().reference();
        insert = reference == null ? insert.bindNull("reference", String.class) : insert.bind("reference", reference);
        return insert.fetch().rowsUpdated().map(inserted -> inserted == 1);
    }
}
