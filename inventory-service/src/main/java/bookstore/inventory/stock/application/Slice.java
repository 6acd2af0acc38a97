package bookstore.inventory.stock.application;

import java.util.List;

/** One page of a longer list, and how long the whole list is. */
public record Slice<T>(List<T> items, long total) {

    public Slice {
        items = List.copyOf(items);
    }
}
