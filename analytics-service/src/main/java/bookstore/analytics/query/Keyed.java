package bookstore.analytics.query;

import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A question about one key (a book, a customer), answered by the instance whose store holds the key.
 *
 * @param name how instances ask each other ({@code /api/analytics/partials/<name>?key=})
 * @param store the store that holds the key
 * @param answer the answer from the partition's store that holds it
 * @param type the answer's JSON type, for reading another instance's answer
 */
public record Keyed<V, R>(String name, String store, Answer<V, R> answer, ParameterizedTypeReference<R> type) {

    @FunctionalInterface
    public interface Answer<V, R> {
        R answer(ReadOnlyKeyValueStore<String, V> store, String key, Map<String, String> parameters);
    }
}
