package bookstore.notification.mail.persistence;

import bookstore.notification.mail.application.DueMail;
import bookstore.notification.mail.application.MailQuery;
import bookstore.notification.mail.application.MailView;
import bookstore.notification.mail.application.Mails;
import bookstore.notification.mail.application.NewMail;
import bookstore.notification.mail.application.Recipient;
import bookstore.notification.mail.domain.Mail;
import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.MailStatus;
import bookstore.platform.work.HandedOver;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code mail} table. */
public final class PostgresMails implements Mails {

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {};

    private static final String COLUMNS = """
            id, event_id, kind, status, occurred_at, recorded_at, customer, recipient_address, recipient_name,
            language, order_id, facts, subject, attempts, next_attempt_at, sent_at, message_id, last_error
            """;

    private final DatabaseClient database;
    private final HandedOver<Long> recorded;
    private final JsonMapper json = JsonMapper.builder().build();

    public PostgresMails(DatabaseClient database, HandedOver<Long> recorded) {
        this.database = database;
        this.recorded = recorded;
    }

    @Override
    public Mono<Boolean> record(NewMail mail) {
        Recipient to = mail.recipient();
        GenericExecuteSpec insert = database.sql("""
                        INSERT INTO mail (event_id, kind, status, occurred_at, user_id, customer, recipient_address,
                                          recipient_name, language, order_id, facts, next_attempt_at)
                        VALUES (:eventId, :kind, :status, :occurredAt, :userId, :customer, :address,
                                :name, :language, :orderId, :facts, CASE WHEN :due THEN now() END)
                        ON CONFLICT (event_id, kind) DO NOTHING
                        RETURNING id
                        """)
                .bind("eventId", mail.eventId())
                .bind("kind", mail.kind().name())
                .bind("status", mail.status().name())
                .bind("due", mail.status() == MailStatus.PENDING)
                .bind("occurredAt", mail.occurredAt())
                .bind("facts", json.writeValueAsString(mail.facts()));
        insert = nullable(insert, "userId", mail.userId());
        insert = nullable(insert, "customer", mail.customer());
        insert = nullable(insert, "address", to == null ? null : to.address());
        insert = nullable(insert, "name", to == null ? null : to.name());
        insert = nullable(insert, "language", to == null ? null : to.language());
        insert = nullable(insert, "orderId", mail.orderId());
        return insert.map(row -> row.get("id", Long.class))
                .one()
                .flatMap(id -> mail.status() == MailStatus.PENDING
                        ? recorded.afterCommit(List.of(id)).thenReturn(true)
                        : Mono.just(true))
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<List<DueMail>> claimDue(int max, Instant now, Duration lease) {
        return database.sql("""
                        UPDATE mail SET next_attempt_at = :leasedUntil
                         WHERE id IN (SELECT id FROM mail
                                       WHERE status = 'PENDING' AND next_attempt_at <= :now
                                       ORDER BY next_attempt_at, id
                                       LIMIT :max
                                       FOR UPDATE SKIP LOCKED)
                        RETURNING %s
                        """.formatted(COLUMNS))
                .bind("leasedUntil", now.plus(lease))
                .bind("now", now)
                .bind("max", max)
                .map(this::due)
                .all()
                .collectList();
    }

    @Override
    public Mono<Void> save(Mail mail, Recipient sentTo, String subject) {
        // The person may have been erased while the mail was on its way: then nothing of them is written back.
        GenericExecuteSpec update = database.sql("""
                        UPDATE mail
                           SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                               sent_at = :sentAt, message_id = :messageId, last_error = :lastError,
                               subject = coalesce(:subject, subject),
                               recipient_address = CASE WHEN erased_at IS NULL
                                                        THEN coalesce(:address, recipient_address) END,
                               recipient_name = CASE WHEN erased_at IS NULL
                                                     THEN coalesce(:name, recipient_name) END,
                               language = coalesce(:language, language),
                               -- Tokens and the rest go once nothing will be sent any more; a FAILED mail keeps
                               -- them for an admin's retry.
                               facts = CASE WHEN :status IN ('PENDING', 'FAILED') AND erased_at IS NULL
                                            THEN facts END
                         WHERE id = :id
                        """)
                .bind("id", mail.id())
                .bind("status", mail.status().name())
                .bind("attempts", mail.attempts());
        update = nullable(update, "nextAttemptAt", mail.nextAttemptAt());
        update = nullable(update, "sentAt", mail.sentAt());
        update = nullable(update, "messageId", mail.messageId());
        update = nullable(update, "lastError", shortened(mail.lastError()));
        update = nullable(update, "subject", subject);
        update = nullable(update, "address", sentTo == null ? null : sentTo.address());
        update = nullable(update, "name", sentTo == null ? null : sentTo.name());
        update = nullable(update, "language", sentTo == null ? null : sentTo.language());
        return update.then();
    }

    @Override
    public Mono<Boolean> anyDue(Instant now) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM mail WHERE status = 'PENDING' AND next_attempt_at <= :now)")
                .bind("now", now)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    @Override
    public Mono<Long> erase(String userId, String pseudonym, Instant now) {
        return database.sql("""
                        UPDATE mail
                           SET recipient_address = NULL, recipient_name = NULL, facts = NULL, last_error = NULL,
                               erased_at = :now,
                               status = CASE WHEN status IN ('PENDING', 'FAILED') THEN 'SKIPPED' ELSE status END,
                               next_attempt_at = NULL
                         WHERE user_id = :userId OR customer = :pseudonym
                        """)
                .bind("now", now)
                .bind("userId", userId)
                .bind("pseudonym", pseudonym)
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Mail> find(long id) {
        return database.sql("SELECT " + COLUMNS + " FROM mail WHERE id = :id")
                .bind("id", id)
                .map(row -> mail(row))
                .one();
    }

    @Override
    public Mono<MailView> view(long id) {
        return database.sql("SELECT " + COLUMNS + " FROM mail WHERE id = :id")
                .bind("id", id)
                .map(row -> view(row))
                .one();
    }

    @Override
    public Mono<List<MailView>> list(MailQuery query, int page, int size) {
        GenericExecuteSpec select = filtered(
                        "SELECT " + COLUMNS + " FROM mail " + where(query)
                                + " ORDER BY recorded_at DESC, id DESC LIMIT :limit OFFSET :offset",
                        query)
                .bind("limit", size)
                .bind("offset", (long) page * size);
        return select.map(row -> view(row)).all().collectList();
    }

    @Override
    public Mono<Long> count(MailQuery query) {
        return filtered("SELECT count(*) FROM mail " + where(query), query)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Mono<Long> pending() {
        return database.sql("SELECT count(*) FROM mail WHERE status = 'PENDING'")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static String where(MailQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.recipient() != null) {
            conditions.add("recipient_address = :recipient");
        }
        if (query.kind() != null) {
            conditions.add("kind = :kind");
        }
        if (query.status() != null) {
            conditions.add("status = :status");
        }
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    private GenericExecuteSpec filtered(String sql, MailQuery query) {
        GenericExecuteSpec select = database.sql(sql);
        if (query.recipient() != null) {
            select = select.bind("recipient", query.recipient());
        }
        if (query.kind() != null) {
            select = select.bind("kind", query.kind().name());
        }
        if (query.status() != null) {
            select = select.bind("status", query.status().name());
        }
        return select;
    }

    private DueMail due(Readable row) {
        String address = row.get("recipient_address", String.class);
        String facts = row.get("facts", String.class);
        return new DueMail(
                mail(row),
                row.get("event_id", UUID.class),
                row.get("occurred_at", Instant.class),
                row.get("customer", String.class),
                address == null
                        ? null
                        : new Recipient(
                                address, row.get("recipient_name", String.class), row.get("language", String.class)),
                row.get("order_id", String.class),
                facts == null ? Map.of() : json.readValue(facts, FACTS));
    }

    private static Mail mail(Readable row) {
        return new Mail(
                row.get("id", Long.class),
                MailKind.valueOf(row.get("kind", String.class)),
                MailStatus.valueOf(row.get("status", String.class)),
                row.get("recorded_at", Instant.class),
                row.get("attempts", Integer.class),
                row.get("next_attempt_at", Instant.class),
                row.get("sent_at", Instant.class),
                row.get("message_id", String.class),
                row.get("last_error", String.class));
    }

    private static MailView view(Readable row) {
        return new MailView(
                row.get("id", Long.class),
                MailKind.valueOf(row.get("kind", String.class)),
                row.get("event_id", UUID.class),
                MailStatus.valueOf(row.get("status", String.class)),
                row.get("recipient_address", String.class),
                row.get("order_id", String.class),
                row.get("subject", String.class),
                row.get("attempts", Integer.class),
                row.get("recorded_at", Instant.class),
                row.get("next_attempt_at", Instant.class),
                row.get("sent_at", Instant.class),
                row.get("message_id", String.class),
                row.get("last_error", String.class));
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec statement, String name, String value) {
        return value == null ? statement.bindNull(name, String.class) : statement.bind(name, value);
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec statement, String name, Instant value) {
        return value == null ? statement.bindNull(name, Instant.class) : statement.bind(name, value);
    }

    private static String shortened(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
