package bookstore.catalog.search.index;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchIndexConfiguration {

    /** Also a MeterBinder: the result cache's hits and misses appear under {@code cache.gets}. */
    @Bean(destroyMethod = "close")
    BookIndex bookIndex(
            @Value("${bookstore.catalog.search.cached-rows:" + BookIndex.DEFAULT_CACHED_ROWS + "}") long cachedRows) {
        return new BookIndex(cachedRows);
    }
}
