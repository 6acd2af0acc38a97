package bookstore.analytics.query;

import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A question every instance answers for the partitions of one store it holds, merged into one answer.
 *
 * @param name how instances ask each other for their share ({@code /api/analytics/partials/<name>})
 * @param store the store asked
 * @param partitions how many partitions the store has
 * @param perPartition the answer from one partition's store, given the query's parameters
 * @param merge how two shares add up (associative; the order of partitions does not matter)
 * @param empty the answer of no partitions at all
 * @param type the share's JSON type, for reading another instance's share
 */
public record Gathered<V, R>(
        String name,
        String store,
        int partitions,
        PerPartition<V, R> perPartition,
        BinaryOperator<R> merge,
        R empty,
        ParameterizedTypeReference<Partial<R>> type) {

    /** The answer from one partition's store; the global stores are at hand for looking books up. */
    @FunctionalInterface
    public interface PerPartition<V, R> {
        R answer(ReadOnlyKeyValueStore<String, V> store, Map<String, String> parameters, Globals globals);
    }
}
