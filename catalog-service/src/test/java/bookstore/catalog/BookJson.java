package bookstore.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for the books API, as a client would send them. */
public final class BookJson {

    private BookJson() {}

    public static Map<String, Object> book(String isbn, String title, String author, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("isbn", isbn);
        body.put("title", title);
        body.put("authors", List.of(author));
        body.put("publisher", "Test Press");
        body.put("publicationDate", "2008-01");
        body.put("language", language);
        body.put("categories", List.of("Fiction"));
        body.put("pageCount", 300);
        body.put("format", "PAPERBACK");
        body.put("price", Map.of("amount", 2300, "currency", "CNY"));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
