package bookstore.user.account.persistence;

import bookstore.user.account.application.AccountSearch;
import bookstore.user.account.application.StaleAccount;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.domain.AccountStatus;
import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.Language;
import bookstore.user.account.domain.Role;
import bookstore.user.account.domain.ShippingAddress;
import bookstore.user.account.domain.UserAccount;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accounts in the {@code user_account} table; shipping addresses are a JSON array on the row. */
public class R2dbcUserAccounts implements UserAccounts {

    private static final TypeReference<List<ShippingAddress>> ADDRESSES = new TypeReference<>() {};

    private static final String COLUMNS =
            "id, email, email_verified, pending_email, password_hash, display_name, language, roles, status,"
                    + " addresses::text AS addresses, created_at, version";

    private final DatabaseClient database;
    private final JsonMapper json;

    public R2dbcUserAccounts(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<UserAccount> byId(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = :id")
                .bind("id", id)
                .map(this::toAccount)
                .one();
    }

    @Override
    public Mono<UserAccount> byEmail(EmailAddress email) {
        return database.sql("SELECT " + COLUMNS + " FROM user_account WHERE email = :email")
                .bind("email", email.value())
                .map(this::toAccount)
                .one();
    }

    @Override
    public Mono<Boolean> add(UserAccount account) {
        return database.sql("""
                        INSERT INTO user_account
                            (id, email, email_verified, password_hash, display_name, language, roles, status, addresses,
                             created_at, updated_at, version)
                        VALUES (:id, :email, :verified, :hash, :name, :language, :roles, :status, :addresses,
                                :createdAt, :createdAt, 0)
                        ON CONFLICT (email) DO NOTHING
                        """)
                .bind("id", account.id())
                .bind("email", account.email().value())
                .bind("verified", account.emailVerified())
                .bind("hash", account.passwordHash())
                .bind("name", account.displayName())
                .bind("language", account.language().tag())
                .bind("roles", roles(account.roles()))
                .bind("status", account.status().name())
                .bind("addresses", Json.of(json.writeValueAsString(account.addresses())))
                .bind("createdAt", account.createdAt())
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    @Override
    public Mono<Void> update(UserAccount account) {
        return database.sql("""
                        UPDATE user_account
                        SET email = :email, email_verified = :verified, pending_email = CAST(:pending AS TEXT),
                            password_hash = :hash, display_name = :name, language = :language, roles = :roles,
                            status = :status, addresses = :addresses, updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .bind("id", account.id())
                .bind("version", account.version())
                .bind("email", account.email().value())
                .bind("verified", account.emailVerified())
                .bind(
                        "pending",
                        Parameter.fromOrEmpty(
                                account.pendingEmail().map(EmailAddress::value).orElse(null), String.class))
                .bind("hash", account.passwordHash())
                .bind("name", account.displayName())
                .bind("language", account.language().tag())
                .bind("roles", roles(account.roles()))
                .bind("status", account.status().name())
                .bind("addresses", Json.of(json.writeValueAsString(account.addresses())))
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.empty() : Mono.error(new StaleAccount()));
    }

    @Override
    public Mono<Boolean> delete(UUID id) {
        return database.sql("DELETE FROM user_account WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted == 1);
    }

    @Override
    public Flux<UserAccount> page(AccountSearch search, int page, int size) {
        Filter filter = Filter.of(search);
        return filter.bindTo(database.sql("SELECT " + COLUMNS + " FROM user_account" + filter.where()
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset"))
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(this::toAccount)
                .all();
    }

    @Override
    public Mono<Long> count(AccountSearch search) {
        Filter filter = Filter.of(search);
        return filter.bindTo(database.sql("SELECT count(*) FROM user_account" + filter.where()))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private UserAccount toAccount(Readable row) {
        return UserAccount.restore(
                row.get("id", UUID.class),
                EmailAddress.of(row.get("email", String.class)),
                row.get("email_verified", Boolean.class),
                Optional.ofNullable(row.get("pending_email", String.class))
                        .map(EmailAddress::of)
                        .orElse(null),
                row.get("password_hash", String.class),
                row.get("display_name", String.class),
                Language.of(row.get("language", String.class)),
                Arrays.stream(row.get("roles", String[].class))
                        .map(Role::valueOf)
                        .collect(Collectors.toSet()),
                AccountStatus.valueOf(row.get("status", String.class)),
                json.readValue(row.get("addresses", String.class), ADDRESSES),
                row.get("created_at", Instant.class),
                row.get("version", Long.class));
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    /**
     * A search as SQL conditions. Only the conditions the search asks for are written, so the
     * statement never binds an untyped null; the values themselves are always bound, never spliced
     * into the text.
     */
    private record Filter(List<String> conditions, Map<String, Object> values) {

        static Filter of(AccountSearch search) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            search.containing().ifPresent(text -> {
                // The email is stored lower-cased; ILIKE ignores the case of the display name.
                conditions.add("(email ILIKE :pattern ESCAPE '\\' OR display_name ILIKE :pattern ESCAPE '\\')");
                values.put("pattern", "%" + escapeLike(text) + "%");
            });
            search.withRole().ifPresent(role -> {
                conditions.add(":role = ANY(roles)");
                values.put("role", role.name());
            });
            search.inStatus().ifPresent(status -> {
                conditions.add("status = :status");
                values.put("status", status.name());
            });
            return new Filter(conditions, values);
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec statement) {
            DatabaseClient.GenericExecuteSpec bound = statement;
            for (Map.Entry<String, Object> value : values.entrySet()) {
                bound = bound.bind(value.getKey(), value.getValue());
            }
            return bound;
        }

        /** The search text is literal: LIKE's wildcards and its escape character are escaped. */
        static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
