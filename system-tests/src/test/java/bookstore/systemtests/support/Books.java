package bookstore.systemtests.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Books an admin adds for a test, and what it takes until the rest of the shop knows them. */
public final class Books {

    private Books() {}

    /** A valid ISBN-13 no real book has: the 979-8 group's numbers, random, with their check digit. */
    public static String newIsbn() {
        StringBuilder digits = new StringBuilder("9798");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    /** The ISBN as printed on a cover: 979-8-1234-5678-9. */
    public static String hyphenated(String isbn) {
        return isbn.substring(0, 3) + "-" + isbn.charAt(3) + "-" + isbn.substring(4, 8) + "-" + isbn.substring(8, 12)
                + "-" + isbn.charAt(12);
    }

    /** A book's request body: a plain one, which {@code changes} adjust. */
    public static Map<String, Object> book(String title, List<String> authors, long price, int stock) {
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("isbn", newIsbn());
        book.put("title", title);
        book.put("authors", authors);
        book.put("publisher", "System Test Press");
        book.put("publicationDate", "2026-11");
        book.put("language", "en");
        book.put("categories", List.of("Testing"));
        book.put("price", Map.of("amount", price, "currency", "CNY"));
        book.put("initialStock", stock);
        return book;
    }

    /** Adds the book as the admin; its JSON as the catalogue answered. */
    public static JsonNode add(Shop shop, Map<String, Object> book) {
        return shop.admin().post("/api/books", book).expect(201).json();
    }

    /**
     * Adds a book with this stock and waits until it can be ordered: inventory has opened its stock
     * record and order-service has priced it, both from the catalogue's BookAdded.
     */
    public static String addOrderable(Shop shop, String title, long price, int stock) {
        String id = add(shop, book(title, List.of("Test Author"), price, stock))
                .get("id")
                .asString();
        Customer probe = shop.admin();
        await("book " + id + " orderable").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            probe.get("/api/inventory/" + id).expect(200);
            probe.put("/api/cart/items/" + id, Map.of("quantity", 1)).expect(200);
        });
        probe.delete("/api/cart/items/" + id).expect(200);
        return id;
    }

    /** The book's stock as inventory reports it to an admin. */
    public static Stock stock(Shop shop, String bookId) {
        JsonNode stock =
                shop.admin().get("/api/inventory/" + bookId).expect(200).json();
        return new Stock(
                stock.get("onHand").asInt(),
                stock.get("reserved").asInt(),
                stock.get("available").asInt());
    }

    public record Stock(int onHand, int reserved, int available) {}

    /** The copies customers returned of the book that inventory took back: on the shelf, and written off as damaged. */
    public static Returned returned(Shop shop, String bookId) {
        JsonNode stock =
                shop.admin().get("/api/inventory/" + bookId).expect(200).json();
        return new Returned(
                stock.get("returnedToStock").asInt(),
                stock.get("returnedDamaged").asInt());
    }

    public record Returned(int toStock, int damaged) {}
}
