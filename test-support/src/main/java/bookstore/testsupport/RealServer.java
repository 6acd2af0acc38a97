package bookstore.testsupport;

import java.lang.annotation.Annotation;
import java.util.Map;

/** A server a test class can ask for, and the Spring properties that point an application at it. */
enum RealServer {
    KAFKA(RealKafka.class) {
        @Override
        Map<String, Object> properties(String label) {
            return Map.of(
                    "spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
        }
    },

    POSTGRES(RealPostgres.class) {
        @Override
        Map<String, Object> properties(String label) {
            PostgresDatabase database = Infrastructure.postgres().newDatabase(label);
            return Map.of(
                    "spring.r2dbc.url", database.r2dbcUrl(),
                    "spring.r2dbc.username", database.username(),
                    "spring.r2dbc.password", database.password(),
                    "spring.flyway.url", database.jdbcUrl(),
                    "spring.flyway.user", database.username(),
                    "spring.flyway.password", database.password());
        }
    },

    MONGO(RealMongo.class) {
        @Override
        Map<String, Object> properties(String label) {
            MongoConnection connection = Infrastructure.mongo().newDatabase(label);
            return Map.of(
                    "spring.mongodb.uri", connection.uri(),
                    // The URI names the database already; an application default must not override it.
                    "spring.mongodb.database", connection.database());
        }
    };

    private final Class<? extends Annotation> annotation;

    RealServer(Class<? extends Annotation> annotation) {
        this.annotation = annotation;
    }

    Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** Starts the server if this JVM has not yet, and prepares what one application context needs. */
    abstract Map<String, Object> properties(String label);
}
