package bookstore.user.account.web;

import bookstore.user.account.application.Page;
import java.util.List;
import java.util.function.Function;

/** The shop's page shape: {@code {items, page, size, total}}. */
record PageView<T>(List<T> items, int page, int size, long total) {

    static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
    }
}
