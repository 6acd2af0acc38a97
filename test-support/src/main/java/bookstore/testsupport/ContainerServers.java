package bookstore.testsupport;

import bookstore.embedded.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The same servers as production runs, in Docker containers started by Testcontainers. */
final class ContainerServers implements ServerFactory {

    // Kafka matches the client version the build uses; PostgreSQL the embedded binaries' major.
    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");
    static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:18");
    static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8");

    private static final int POSTGRES_PORT = 5432;

    @Override
    public RunningKafka startKafka() {
        // Services create their topics at start-up, as against the production cluster.
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
        CloseOnExit.register("kafka-container", kafka::stop);
        return kafka::getBootstrapServers;
    }

    @Override
    public RunningPostgres startPostgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD);
        postgres.start();
        CloseOnExit.register("postgres-container", postgres::stop);
        return label -> {
            String name = DatabaseNames.next(label);
            createDatabase(postgres, name);
            String address = postgres.getHost() + ":" + postgres.getMappedPort(POSTGRES_PORT) + "/" + name;
            return new PostgresDatabase(
                    name,
                    "jdbc:postgresql://" + address,
                    "r2dbc:postgresql://" + address,
                    postgres.getUsername(),
                    postgres.getPassword());
        };
    }

    @Override
    public RunningMongo startMongo() {
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        CloseOnExit.register("mongo-container", mongo::stop);
        return label -> {
            String name = DatabaseNames.next(label);
            return new MongoConnection(name, mongo.getConnectionString() + "/" + name);
        };
    }

    private static void createDatabase(PostgreSQLContainer postgres, String name) {
        // The container's user is its superuser, so it may create databases it then owns.
        try (Connection connection = DriverManager.getConnection(
                        postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }
}
