package bookstore.inventory.stock.web;

import bookstore.inventory.stock.application.Slice;
import java.util.List;
import java.util.function.Function;

/** A page of a list, as every bookstore API returns lists. */
record PageResource<T>(List<T> items, int page, int size, long total) {

    static <S, T> PageResource<T> of(Slice<S> slice, int page, int size, Function<S, T> resource) {
        return new PageResource<>(slice.items().stream().map(resource).toList(), page, size, slice.total());
    }
}
