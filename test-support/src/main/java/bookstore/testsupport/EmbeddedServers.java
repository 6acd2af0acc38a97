package bookstore.testsupport;

import bookstore.embedded.KafkaServer;
import bookstore.embedded.MongoServer;
import bookstore.embedded.PostgresServer;

/** The servers from {@code embedded-servers}, on free ports, with throw-away data. */
final class EmbeddedServers implements ServerFactory {

    @Override
    public RunningKafka startKafka() {
        KafkaServer kafka = CloseOnExit.register("embedded-kafka", KafkaServer.start());
        return kafka::bootstrapServers;
    }

    @Override
    public RunningPostgres startPostgres() {
        PostgresServer postgres = CloseOnExit.register("embedded-postgres", PostgresServer.start());
        return label -> {
            String name = DatabaseNames.next(label);
            postgres.createDatabaseIfMissing(name);
            return new PostgresDatabase(
                    name, postgres.jdbcUrl(name), postgres.r2dbcUrl(name), postgres.username(), postgres.password());
        };
    }

    @Override
    public RunningMongo startMongo() {
        MongoServer mongo = CloseOnExit.register("embedded-mongo", MongoServer.start());
        return label -> {
            String name = DatabaseNames.next(label);
            return new MongoConnection(name, mongo.connectionString(name));
        };
    }
}
