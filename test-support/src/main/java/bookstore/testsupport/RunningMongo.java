package bookstore.testsupport;

/** A MongoDB server (or wire-compatible one) that is up for the rest of the test JVM. */
public interface RunningMongo {

    /**
     * Names a database nobody has used yet; MongoDB creates it on the first write.
     *
     * @param label a readable prefix for the name, e.g. the test class
     */
    MongoConnection newDatabase(String label);

    default MongoConnection newDatabase() {
        return newDatabase("test");
    }
}
