package bookstore.systemtests.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Mailbox;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A customer closes their account: afterwards their e-mail address, name, recipient name, address and phone number are
 * nowhere the API shows, nor in any service's database or the catalogue's collections, while the order's amounts and
 * lines stay for the accounts and the review's stars stay, from a closed account, without its words.
 */
@SystemTest
class AccountClosingSystemTests {

    /** The shop's PostgreSQL databases, one per service that has one. */
    private static final List<String> DATABASES = List.of("users", "orders", "inventory", "payments", "notifications");

    private final Shop shop;

    AccountClosingSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void closingAnAccountErasesThePersonEverywhereAndKeepsWhatAccountingNeeds() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "closing-" + marker + "@system-tests.example";
        String name = "Zhen Shiyin " + marker;
        String recipient = "Jia Yucun " + marker;
        String street = marker + " Gourd Temple Lane";
        String phone = "+86 139 "
                + marker.chars()
                        .map(c -> '0' + c % 10)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Client client = shop.client();
        client.post("/api/users", Map.of("email", email, "password", Shop.PASSWORD, "displayName", name))
                .expect(201);
        Customer customer = Customer.logIn(client, email, Shop.PASSWORD);
        String title = "Dream of the Red Chamber " + marker;
        String book = Books.addOrderable(shop, title, 6_800, 5);
        String orderId = Orders.place(
                        customer,
                        checkout(book, recipient, street, phone),
                        UUID.randomUUID().toString())
                .expect(202)
                .json()
                .get("id")
                .asString();
        Orders.awaitStatus(customer, orderId, "CONFIRMED");
        Customer admin = shop.admin();
        admin.post("/api/orders/" + orderId + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", "SF" + marker))
                .expect(200);
        admin.post("/api/orders/" + orderId + "/deliver", Map.of()).expect(200);
        await("the catalogue learns the delivery")
                .atMost(Duration.ofSeconds(30))
                .until(() -> customer.get("/api/books/" + book + "/reviews/mine")
                        .expect(200)
                        .json()
                        .get("verifiedBuyer")
                        .asBoolean());
        customer.post("/api/books/" + book + "/reviews", Map.of("rating", 5, "text", "读了三遍 " + marker))
                .expect(201);
        new Mailbox(shop).awaitContaining(email, orderId);
        List<String> personal = List.of(email, name, recipient, street, phone);
        assertThat(findings(personal))
                .as("the person is in the stores before closing")
                .isNotEmpty();

        customer.post("/api/users/me/close", Map.of("password", "not the password"))
                .expect(400);
        customer.post("/api/users/me/close", Map.of("password", Shop.PASSWORD)).expect(204);

        assertThat(shop.client()
                        .withoutRetries()
                        .post("/api/auth/token", Map.of("email", email, "password", Shop.PASSWORD))
                        .status())
                .as("signing in to the closed account")
                .isEqualTo(401);
        assertThat(admin.get("/api/users/" + customer.id()).status()).isEqualTo(404);
        await("every service has erased the person")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(findings(personal)).isEmpty());

        JsonNode order = admin.get("/api/orders/" + orderId).expect(200).json();
        assertThat(order.toString()).doesNotContain(personal);
        assertThat(order.get("total").get("amount").asLong()).isEqualTo(6_800);
        assertThat(order.get("items").get(0).get("bookId").asString()).isEqualTo(book);
        assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(order.get("customerErased").asBoolean()).isTrue();
        JsonNode review = shop.client()
                .get("/api/books/" + book + "/reviews")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(review.get("rating").asInt())
                .as("the stars stay in the book's rating")
                .isEqualTo(5);
        assertThat(review.get("author").get("accountClosed").asBoolean()).isTrue();
        assertThat(review.toString()).doesNotContain(marker);
        assertThat(admin.get("/api/users?size=100").expect(200).body()).doesNotContain(email);
    }

    private static Map<String, Object> checkout(String book, String recipient, String street, String phone) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipient", recipient);
        address.put("phone", phone);
        address.put("line1", street);
        address.put("city", "Suzhou");
        address.put("postalCode", "215000");
        address.put("country", "CN");
        return Map.of(
                "items",
                List.of(Map.of("bookId", book, "quantity", 1)),
                "shippingAddress",
                address,
                "paymentMethod",
                Orders.VISA);
    }

    /** Where any of these texts still is: database.table rows and catalogue collections that hold one. */
    private List<String> findings(List<String> texts) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection connection = shop.database(database)) {
                for (String table : tables(connection)) {
                    for (String text : texts) {
                        // Each row as PostgreSQL writes it out: every column, JSON documents included.
                        try (PreparedStatement rows = connection.prepareStatement(
                                "SELECT count(*) FROM " + table + " t WHERE strpos(lower(t::text), lower(?)) > 0")) {
                            rows.setString(1, text);
                            try (ResultSet count = rows.executeQuery()) {
                                count.next();
                                if (count.getLong(1) > 0) {
                                    found.add(database + "." + table + " holds " + text);
                                }
                            }
                        }
                    }
                }
            }
        }
        try (MongoClient mongo = MongoClients.create(shop.mongoUri())) {
            MongoDatabase catalogue = mongo.getDatabase("catalog");
            for (String collection : catalogue.listCollectionNames()) {
                for (Document document : catalogue.getCollection(collection).find()) {
                    String json = document.toJson().toLowerCase();
                    texts.stream()
                            .filter(text -> json.contains(text.toLowerCase()))
                            .forEach(text -> found.add("catalog." + collection + " holds " + text));
                }
            }
        }
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (!schema.equals("pg_catalog") && !schema.equals("information_schema")) {
                    tables.add('"' + schema + "\".\"" + rows.getString("TABLE_NAME") + '"');
                }
            }
        }
        return tables;
    }
}
