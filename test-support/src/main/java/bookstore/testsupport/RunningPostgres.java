package bookstore.testsupport;

/** A PostgreSQL server that is up for the rest of the test JVM and hands out empty databases. */
public interface RunningPostgres {

    /**
     * Creates an empty database owned by the application role.
     *
     * @param label a readable prefix for the name, e.g. the test class; anything but letters and
     *     digits is dropped
     */
    PostgresDatabase newDatabase(String label);

    default PostgresDatabase newDatabase() {
        return newDatabase("test");
    }
}
