package bookstore.testsupport;

/** A Kafka cluster that is up for the rest of the test JVM. */
public interface RunningKafka {

    String bootstrapServers();
}
