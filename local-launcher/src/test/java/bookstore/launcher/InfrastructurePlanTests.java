package bookstore.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructurePlanTests {

    private static final EnumSet<Service> EVERYTHING = EnumSet.allOf(Service.class);

    @Test
    void embedsEveryServerWhenTheEnvironmentNamesNone() {
        InfrastructurePlan plan = InfrastructurePlan.of(EVERYTHING, Map.of());

        assertThat(plan.embedded()).containsExactlyInAnyOrder(BackingServer.values());
        assertThat(plan.external()).isEmpty();
    }

    @Test
    void usesAServerTheEnvironmentNamesInsteadOfEmbeddingOne() {
        InfrastructurePlan plan =
                InfrastructurePlan.of(EVERYTHING, Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker.example:9092"));

        assertThat(plan.embedded())
                .containsExactlyInAnyOrder(BackingServer.POSTGRES, BackingServer.MONGO, BackingServer.MAIL);
        assertThat(plan.environmentFor(Service.ORDER))
                .contains(entry("KAFKA_BOOTSTRAP_SERVERS", "broker.example:9092"));
    }

    @Test
    void treatsABlankVariableAsUnset() {
        InfrastructurePlan plan = InfrastructurePlan.of(EVERYTHING, Map.of("MONGODB_URI", " "));

        assertThat(plan.embeds(BackingServer.MONGO)).isTrue();
    }

    @Test
    void startsOnlyTheServersTheChosenServicesNeed() {
        assertThat(InfrastructurePlan.of(List.of(Service.CATALOG), Map.of()).embedded())
                .containsExactlyInAnyOrder(BackingServer.KAFKA, BackingServer.MONGO);
        assertThat(InfrastructurePlan.of(List.of(Service.GATEWAY), Map.of()).embedded())
                .isEmpty();
    }

    @Test
    void givesEachPostgresServiceItsOwnDatabaseOnTheEmbeddedServer() {
        InfrastructurePlan plan =
                InfrastructurePlan.of(EVERYTHING, Map.of("POSTGRES_DB", "shared", "POSTGRES_USER", "me"));

        assertThat(plan.environmentFor(Service.PAYMENT))
                .contains(
                        entry("POSTGRES_URL", "postgresql://localhost:5432"),
                        entry("POSTGRES_DB", "payments"),
                        entry("POSTGRES_USER", "bookstore"),
                        entry("POSTGRES_PASSWORD", "bookstore"),
                        entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"))
                .doesNotContainKey("MONGODB_URI");
    }

    @Test
    void passesTheCredentialsOfAnExternalPostgres() {
        InfrastructurePlan plan = InfrastructurePlan.of(
                EVERYTHING,
                Map.of("POSTGRES_URL", "postgresql://db:5432", "POSTGRES_USER", "shop", "POSTGRES_PASSWORD", "secret"));

        assertThat(plan.environmentFor(Service.USER))
                .contains(
                        entry("POSTGRES_URL", "postgresql://db:5432"),
                        entry("POSTGRES_USER", "shop"),
                        entry("POSTGRES_PASSWORD", "secret"),
                        entry("POSTGRES_DB", "users"));
    }

    @Test
    void pointsTheCatalogueAtMongoAndTheGatewayAtEveryService() {
        InfrastructurePlan plan = InfrastructurePlan.of(EVERYTHING, Map.of());

        assertThat(plan.environmentFor(Service.CATALOG))
                .contains(entry("MONGODB_URI", "mongodb://localhost:27017/catalog"))
                .doesNotContainKey("POSTGRES_URL");
        assertThat(plan.environmentFor(Service.GATEWAY))
                .containsOnly(
                        entry("SERVER_PORT", "8080"),
                        entry("MANAGEMENT_PORT", "9080"),
                        entry("JWKS_URI", "http://localhost:8082/api/auth/jwks"),
                        entry("CATALOG_SERVICE_URL", "http://localhost:8081"),
                        entry("USER_SERVICE_URL", "http://localhost:8082"),
                        entry("ORDER_SERVICE_URL", "http://localhost:8083"),
                        entry("INVENTORY_SERVICE_URL", "http://localhost:8084"),
                        entry("PAYMENT_SERVICE_URL", "http://localhost:8085"),
                        entry("ANALYTICS_SERVICE_URL", "http://localhost:8086"),
                        entry("NOTIFICATION_SERVICE_URL", "http://localhost:8087"));
        assertThat(plan.environmentFor(Service.ANALYTICS))
                .contains(
                        entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                        entry("ANALYTICS_STANDBY_REPLICAS", "0"),
                        entry("ANALYTICS_SEED_HISTORY", "true"))
                .containsKey("ANALYTICS_STATE_DIR")
                .doesNotContainKeys("POSTGRES_URL", "MONGODB_URI");
    }

    @Test
    void shiftsEveryPortByTheOffsetAndKeepsKeysInTheDataFolder() {
        InfrastructurePlan plan = InfrastructurePlan.of(EVERYTHING, Map.of(), 1000, Path.of("/tmp/second-shop"));

        assertThat(plan.environmentFor(Service.GATEWAY))
                .contains(
                        entry("SERVER_PORT", "9080"),
                        entry("MANAGEMENT_PORT", "10080"),
                        entry("ORDER_SERVICE_URL", "http://localhost:9083"));
        assertThat(plan.environmentFor(Service.USER))
                .contains(
                        entry("SERVER_PORT", "9082"),
                        entry("POSTGRES_URL", "postgresql://localhost:6432"),
                        entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:10092"),
                        entry("JWKS_URI", "http://localhost:9082/api/auth/jwks"),
                        entry("BOOKSTORE_KEYS_DIR", "/tmp/second-shop/keys"));
        assertThat(plan.environmentFor(Service.CATALOG))
                .contains(entry("MONGODB_URI", "mongodb://localhost:28017/catalog"));
        assertThat(plan.environmentFor(Service.PAYMENT)).contains(entry("SANDBOX_PUBLIC_URL", "http://localhost:9080"));
    }

    @Test
    void pointsNotificationsAtTheEmbeddedMailServerOrTheRelayTheEnvironmentNames() {
        InfrastructurePlan embedded = InfrastructurePlan.of(EVERYTHING, Map.of(), 1000, Path.of("/tmp/second-shop"));

        assertThat(embedded.environmentFor(Service.NOTIFICATION))
                .contains(
                        entry("SERVER_PORT", "9087"),
                        entry("POSTGRES_DB", "notifications"),
                        entry("SPRING_MAIL_HOST", "localhost"),
                        entry("SPRING_MAIL_PORT", "4025"),
                        entry("NOTIFICATION_SHOP_URL", "http://localhost:9080"),
                        entry("NOTIFICATION_STAFF_ADDRESS", InfrastructurePlan.STAFF));
        assertThat(BackingServer.MAIL.ports(1000)).containsExactly(4025, 4143, 9025);
        assertThat(embedded.shownAddress(BackingServer.MAIL)).isEqualTo("smtp://localhost:4025");
        assertThat(embedded.environmentFor(Service.GATEWAY))
                .contains(entry("NOTIFICATION_SERVICE_URL", "http://localhost:9087"));
        assertThat(embedded.environmentFor(Service.ORDER)).doesNotContainKey("SPRING_MAIL_HOST");

        InfrastructurePlan relay = InfrastructurePlan.of(
                EVERYTHING,
                Map.of("SPRING_MAIL_HOST", "smtp.example.com", "NOTIFICATION_STAFF_ADDRESS", "ops@example.com"));

        assertThat(relay.embeds(BackingServer.MAIL)).isFalse();
        assertThat(relay.shownAddress(BackingServer.MAIL)).isEqualTo("smtp.example.com");
        assertThat(relay.environmentFor(Service.NOTIFICATION))
                .contains(
                        entry("SPRING_MAIL_HOST", "smtp.example.com"),
                        entry("NOTIFICATION_STAFF_ADDRESS", "ops@example.com"))
                .doesNotContainKey("SPRING_MAIL_PORT");
    }

    @Test
    void reachesAnExternalPostgresAdministrativelyWithoutItsPath() {
        assertThat(LocalInfrastructure.stripPath("postgresql://db.example:6432/orders?sslmode=require"))
                .isEqualTo("postgresql://db.example:6432");
        assertThat(LocalInfrastructure.stripPath("postgresql://localhost:5432"))
                .isEqualTo("postgresql://localhost:5432");
    }
}
