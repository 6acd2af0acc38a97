package bookstore.testsupport;

/** How to reach one database on the test PostgreSQL server, by JDBC (Flyway) or R2DBC. */
public record PostgresDatabase(String name, String jdbcUrl, String r2dbcUrl, String username, String password) {}
