package bookstore.testsupport;

/**
 * One database on the test MongoDB server.
 *
 * @param uri a connection string that names the database, e.g. {@code mongodb://localhost:41234/orders_3}
 */
public record MongoConnection(String database, String uri) {}
