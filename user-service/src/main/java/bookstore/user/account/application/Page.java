package bookstore.user.account.application;

import java.util.List;

/** One page of a longer list, and how long the list is. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
