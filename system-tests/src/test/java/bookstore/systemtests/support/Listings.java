package bookstore.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reading a paged listing whole, as a client reads state: one request per hundred items rather than one per item,
 * so reading the whole shop stays far below the gateway's rate limits.
 */
public final class Listings {

    private static final int PAGE_SIZE = 100;

    private Listings() {}

    /** Every item of the listing at {@code path} (which may carry a query of its own), in the listing's order. */
    public static List<JsonNode> all(Customer reader, String path) {
        return read(reader, path, false).orElseThrow();
    }

    /**
     * Every item of the listing, or nothing while the shop sheds load (a page answered 429 after the client's retries,
     * or 502, 503 or 504 from the gateway): for a caller that will ask again.
     */
    public static Optional<List<JsonNode>> allUnlessShed(Customer reader, String path) {
        return read(reader, path, true);
    }

    private static Optional<List<JsonNode>> read(Customer reader, String path, boolean tolerateShedding) {
        String separator = path.contains("?") ? "&" : "?";
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = reader.get(path + separator + "size=" + PAGE_SIZE + "&page=" + page);
            if (tolerateShedding && Orders.SHED.contains(response.status())) {
                return Optional.empty();
            }
            JsonNode found = response.expect(200).json();
            found.get("items").forEach(items::add);
            if (items.size() >= found.get("total").asLong()
                    || found.get("items").isEmpty()) {
                return Optional.of(items);
            }
        }
    }
}
