package bookstore.catalog.search.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchIndexConfiguration {

    @Bean(destroyMethod = "close")
    BookIndex bookIndex() {
        return new BookIndex();
    }
}
